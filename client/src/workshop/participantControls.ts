/**
 * The console's controls over who is in a workshop: lock it to new
 * participants (and open it again), and remove a participant after a
 * confirmation (a computer player takes their seat, their sign-up stops
 * working). The console renders them; each call answers the new overview.
 */
import { h, type ComponentChild } from "preact";
import { t } from "../i18n/index.js";
import { confirmDialog } from "./confirmDialog.js";
import { facilitatorApi, type Overview } from "./workshopApi.js";

/** How the console runs a call: it shows the overview the call answers, or its refusal. */
export type RunOverview = (act: () => Promise<Overview>) => Promise<void>;

/** The lock button of workshop `o` (not for an ended one), with a line that says when it is locked. */
export function lockControl(o: Overview, run: RunOverview): ComponentChild {
  if (o.workshop.status === "ended") return null;
  const locked = o.workshop.locked;
  return h(
    "div",
    { className: "lock-control" },
    h(
      "button",
      {
        type: "button",
        "data-act": locked ? "unlock" : "lock",
        "aria-pressed": locked,
        onClick: () => void run(() => facilitatorApi.lock(o.workshop.id, !locked)),
      },
      locked ? t("ws.unlockJoin") : t("ws.lockJoin"),
    ),
    locked ? h("p", { className: "hint", role: "status" }, t("ws.lockedNote")) : null,
  );
}

/** Asks whether participant `name` may be removed, saying what happens to their seat. */
function confirmRemoval(name: string, table: number | null): Promise<boolean> {
  return confirmDialog({
    title: t("ws.removeTitle", { name }),
    text: [...(table === null ? [] : [t("ws.removeAtTable", { name, table })]), t("ws.removeToken", { name })],
    confirm: t("ws.removeConfirm"),
    cancel: t("ws.manageCancel"),
  });
}

/** The button that removes participant `participantId` of workshop `o`, after a confirmation. */
export function removeParticipantButton(o: Overview, participantId: string, run: RunOverview): ComponentChild {
  const p = o.participants.find((x) => x.id === participantId);
  if (!p) return null;
  const table = o.tables.find((x) => x.id === p.tableId);
  const seated = table && table.status === "playing" ? table.number : null;
  const remove = async () => {
    if (!(await confirmRemoval(p.name, seated))) return;
    await run(() => facilitatorApi.removeParticipant(o.workshop.id, p.id));
  };
  return h(
    "button",
    {
      type: "button",
      className: "danger small",
      "data-act": "remove-participant",
      "aria-label": t("ws.removeParticipantLabel", { name: p.name }),
      onClick: () => void remove(),
    },
    t("ws.removeParticipant"),
  );
}

/** The reopen button of an ended workshop (null otherwise). */
export function reopenControl(o: Overview, run: RunOverview): ComponentChild {
  if (o.workshop.status !== "ended") return null;
  return h(
    "button",
    { type: "button", "data-act": "reopen", onClick: () => void run(() => facilitatorApi.reopen(o.workshop.id)) },
    t("ws.manageReopen"),
  );
}
