/**
 * The facilitator's list of workshops: per workshop its title, when it was
 * made, its game, status, participant count and code, and what can be done
 * with it (open, rename, copy, archive or restore, delete after a
 * confirmation that says what goes).
 */
import { h, type ComponentChild } from "preact";
import { lang, t } from "../i18n/index.js";
import { bdi } from "../ui/names.js";
import { confirmDialog } from "./confirmDialog.js";
import type { WorkshopListItem } from "./workshopApi.js";

/** What the list's buttons do; each returns once the list shows the result. */
export interface WorkshopListActions {
  open(id: string): void;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  archive(id: string, archived: boolean): Promise<void>;
  remove(w: WorkshopListItem): Promise<void>;
  /** Shows the list with the rename form of workshop `id` open (null: none). */
  editing(id: string | null): void;
}

/** The day a workshop was made, in the screen's language. */
function createdOn(iso: string): string {
  return new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "nl-NL", { dateStyle: "long" }).format(new Date(iso));
}

/** Asks whether workshop `w` may go, naming what goes with it. */
export function confirmDelete(w: WorkshopListItem): Promise<boolean> {
  return confirmDialog({
    title: t("ws.manageDeleteTitle", { title: w.title }),
    text: [
      t("ws.manageDeleteWhat", {
        tables: t("ws.manageTables", { count: w.counts.tables }),
        participants: t("ws.manageCount", { count: w.counts.participants }),
        results: t("ws.manageResults", { count: w.counts.results }),
      }),
      t("ws.manageDeleteFinal"),
    ],
    confirm: t("ws.manageDeleteConfirm"),
    cancel: t("ws.manageCancel"),
  });
}

/** One workshop's line; with `editing`, its rename form instead of its buttons. */
function line(w: WorkshopListItem, editing: boolean, act: WorkshopListActions): ComponentChild {
  const facts = [
    createdOn(w.createdAt),
    t(`ws.manageGame_${w.game}`),
    t(`ws.status_${w.status}`),
    t("ws.manageCount", { count: w.counts.participants }),
    `${t("ws.code")} ${w.code}`,
    ...(w.locked ? [t("ws.manageLocked")] : []),
  ];
  const rename = (e: Event) => {
    e.preventDefault();
    const title = String(new FormData(e.target as HTMLFormElement).get("title") ?? "");
    void act.rename(w.id, title);
  };
  return h(
    "li",
    { key: w.id, className: "workshop-line", "data-workshop": w.id },
    h("strong", { className: "workshop-title" }, bdi(w.title)),
    h("span", { className: "workshop-facts" }, facts.join(" · ")),
    editing
      ? h(
          "form",
          { className: "workshop-rename", onSubmit: rename },
          h(
            "label",
            { className: "field" },
            h("span", {}, t("ws.manageRenameLabel", { title: w.title })),
            h("input", { name: "title", required: true, maxLength: 120, defaultValue: w.title }),
          ),
          h("button", { type: "submit", className: "primary" }, t("ws.manageSave")),
          h("button", { type: "button", onClick: () => act.editing(null) }, t("ws.manageCancel")),
        )
      : h(
          "span",
          { className: "workshop-actions" },
          h("button", { type: "button", className: "primary", onClick: () => act.open(w.id) }, t("ws.open")),
          h("button", { type: "button", "data-act": "rename", onClick: () => act.editing(w.id) }, t("ws.manageRename")),
          h(
            "button",
            { type: "button", "data-act": "duplicate", onClick: () => void act.duplicate(w.id) },
            t("ws.manageDuplicate"),
          ),
          h(
            "button",
            { type: "button", "data-act": "archive", onClick: () => void act.archive(w.id, w.archivedAt === null) },
            w.archivedAt === null ? t("ws.manageArchive") : t("ws.manageUnarchive"),
          ),
          h(
            "button",
            { type: "button", className: "danger", "data-act": "delete", onClick: () => void act.remove(w) },
            t("ws.manageDelete"),
          ),
        ),
  );
}

/** The list of `items` (the archived ones when `archived`), with the rename form of `editing` open. */
export function workshopListView(
  items: readonly WorkshopListItem[],
  archived: boolean,
  editing: string | null,
  act: WorkshopListActions,
): ComponentChild {
  if (items.length === 0) return h("p", {}, archived ? t("ws.manageNoArchived") : t("ws.none"));
  return h(
    "ul",
    { className: "workshop-list" },
    items.map((w) => line(w, w.id === editing, act)),
  );
}
