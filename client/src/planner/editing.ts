/**
 * The desk's plan edits: every edit (a drag, a tap, a list button, undo,
 * redo) shows its plan and its key figures at once, computed in the browser
 * by the shared evaluation (`editedKpi`), and goes to the server as a whole
 * plan; the server's view confirms it, or its refusal puts the server's
 * plan back with the reason in words. Undo and redo go through the round's
 * history (history.ts) and are sent like any other edit. The lock buttons
 * mark what the assistant's "optimise the rest" keeps.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { Plan } from "@iot/shared/planner/evaluate";
import { canAskAssistant } from "@iot/shared/planner/game/roundRules";
import { editedKpi } from "@iot/shared/planner/planEdit";
import { h, type JSX } from "preact";
import "./editing.css";
import { t } from "../i18n/index.js";
import {
  pendingAfter,
  recorded,
  redone,
  samePlan,
  settled,
  undone,
  type PendingEdit,
  type PlanHistory,
} from "./history.js";
import type { PlannerConnection, PlannerTableState } from "./plannerConnection.js";

/** The desk's edits of one connection. */
export interface Editor {
  /** The carrier as the desk shows it: with the plan and figures of an edit the server has not answered yet. */
  shown(c: CarrierView): CarrierView;
  /** Shows `plan` at once and sends it (nothing when it is the plan shown); it can be undone. */
  send(plan: Plan): void;
  undo(): void;
  redo(): void;
  /** Taking the assistant's proposal: the plan it replaces can be gone back to. */
  accept(): void;
  /** The server's view changed: an edit it shows is confirmed. */
  state(s: PlannerTableState): void;
  /** The server refused a message: an edit not yet answered is taken back; the text to show. */
  rejected(reason: string): string;
  /** Undo, redo and whether an edit is on its way. */
  toolbar(s: PlannerTableState): JSX.Element;
  /** Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y on the desk; returns the way to stop listening. */
  listen(target: EventTarget): () => void;
}

/** Whether a key press belongs to a field that has its own undo (text typed). */
function typing(e: Event): boolean {
  const el = e.target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  if (el.isContentEditable) return true;
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !["checkbox", "radio", "button"].includes(el.type))
  );
}

/** The desk's editor over `conn`; `render` draws the desk again. */
export function createEditor(conn: PlannerConnection, render: () => void): Editor {
  let history: PlanHistory | null = null;
  let pending: PendingEdit | null = null;
  let status: "" | "saving" | "saved" = "";

  const editable = () => conn.state.phase === "round" && conn.state.carrier !== null;
  const shownPlan = (c: CarrierView) => pending?.plan ?? c.plan;

  /** Shows and sends `plan`; `before` is the history to go back to if the server refuses it. */
  const push = (c: CarrierView, plan: Plan, before: PlanHistory | null) => {
    pending = pendingAfter(pending, c.plan, plan, editedKpi(c, plan, conn.state.clock), before);
    status = "saving";
    conn.setPlan(plan);
    render();
  };

  const step = (take: typeof undone) => {
    const c = conn.state.carrier;
    if (!c || !editable()) return;
    const next = take(history, conn.state.round, shownPlan(c));
    if (!next) return;
    const before = history;
    history = next.history;
    push(c, next.plan, before);
  };

  const canUndo = () => editable() && (history?.round === conn.state.round ? history.past.length > 0 : false);
  const canRedo = () => editable() && (history?.round === conn.state.round ? history.future.length > 0 : false);

  return {
    shown(c) {
      return pending ? { ...c, plan: pending.plan, kpi: pending.kpi } : c;
    },
    send(plan) {
      const c = conn.state.carrier;
      if (!c || !editable()) return;
      const current = shownPlan(c);
      if (samePlan(plan, current)) return;
      const before = history;
      history = recorded(history, conn.state.round, current);
      push(c, plan, before);
    },
    undo: () => step(undone),
    redo: () => step(redone),
    accept() {
      const c = conn.state.carrier;
      if (!c || !editable()) return;
      history = recorded(history, conn.state.round, shownPlan(c));
      conn.acceptProposal();
    },
    state(s) {
      const c = s.carrier;
      const was = pending;
      pending = c && s.phase === "round" ? settled(pending, c.plan) : null;
      if (was && !pending) status = "saved";
    },
    rejected(reason) {
      if (!pending) return reason;
      history = pending.history;
      pending = null;
      status = "";
      return t("pl.edit.reverted", { reason });
    },
    toolbar(s) {
      const off = s.phase !== "round";
      return h(
        "section",
        { className: "planner-edits", "aria-label": t("pl.edit.tools") },
        h(
          "button",
          {
            type: "button",
            "data-key": "undo",
            title: t("pl.edit.undoTitle"),
            "aria-keyshortcuts": "Control+Z",
            disabled: off || !canUndo(),
            onClick: () => step(undone),
          },
          t("pl.edit.undo"),
        ),
        h(
          "button",
          {
            type: "button",
            "data-key": "redo",
            title: t("pl.edit.redoTitle"),
            "aria-keyshortcuts": "Control+Shift+Z Control+Y",
            disabled: off || !canRedo(),
            onClick: () => step(redone),
          },
          t("pl.edit.redo"),
        ),
        h(
          "span",
          { id: "pl-edit-status", role: "status", "data-status": status },
          status === "saving" ? t("pl.edit.saving") : status === "saved" ? t("pl.edit.saved") : "",
        ),
      );
    },
    listen(target) {
      const onKey = (e: Event) => {
        const k = e as KeyboardEvent;
        if (!(k.ctrlKey || k.metaKey) || k.altKey || typing(k)) return;
        const key = k.key.toLowerCase();
        if (key === "z" && !k.shiftKey) step(undone);
        else if ((key === "z" && k.shiftKey) || key === "y") step(redone);
        else return;
        k.preventDefault();
      };
      target.addEventListener("keydown", onKey);
      return () => target.removeEventListener("keydown", onKey);
    },
  };
}

/** What a lock switch sends through. */
export type Locking = Pick<PlannerConnection, "lock">;

/** Whether locks can be set now: a round under way in which the assistant plans. */
export function canLock(s: PlannerTableState): boolean {
  return canAskAssistant(s);
}

/** The lock switch of truck `vehicle` (named `truck`) in carrier `c`'s trucks panel. */
export function routeLockButton(conn: Locking, c: CarrierView, vehicle: string, truck: string): JSX.Element {
  const locked = c.planLocks.routes.includes(vehicle);
  return h(
    "button",
    {
      type: "button",
      key: `lock-${vehicle}`,
      "data-key": `lock-${vehicle}`,
      className: `planner-lock${locked ? " locked" : ""}`,
      "aria-pressed": locked,
      title: t("pl.edit.lockRouteTitle", { truck }),
      onClick: () => conn.lock({ vehicle }, !locked),
    },
    locked ? t("pl.edit.unlockRoute") : t("pl.edit.lockRoute"),
  );
}

/** The lock switch of stop `order` (named `text`) in carrier `c`'s trucks panel. */
export function stopLockButton(conn: Locking, c: CarrierView, order: string, text: string): JSX.Element {
  const locked = c.planLocks.stops.includes(order);
  return h(
    "button",
    {
      type: "button",
      key: `lock-${order}`,
      "data-key": `lock-${order}`,
      className: `planner-lock${locked ? " locked" : ""}`,
      "aria-pressed": locked,
      title: t("pl.edit.lockStopTitle", { order: text }),
      onClick: () => conn.lock({ order }, !locked),
    },
    locked ? t("pl.edit.unlockStop") : t("pl.edit.lockStop"),
  );
}
