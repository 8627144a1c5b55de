/**
 * The first screen: a plain, accessible DOM form (no Phaser, so it loads
 * fast). Name, language, optional role and region phase; "Play now" against
 * bots with seats, level and house rules; "Join a table" by code; the
 * 1 + 1 = 4 message and the way to the facilitator area.
 */
import "./quartet.css";
import { introTexts } from "./deck/index.js";
import { lang, onLangChange, setLang, t } from "../i18n/index.js";
import { BOT_LEVELS, MAX_NAME_LENGTH, REGION_PHASES, ROLES, type BotLevel } from "../net/constants.js";
import { errorText } from "../net/errors.js";
import type { JoinChoices, QuickPlayChoices } from "./net/types.js";
import { brandMark } from "../ui/brand.js";
import { appRoot, h, replaceChildren } from "../ui/dom.js";
import { homeRules, loadHomeForm, saveHomeForm, type HomeForm } from "./homeForm.js";

/** What the home screen asks the app to do. */
export interface HomeActions {
  quickPlay(choices: QuickPlayChoices): Promise<void>;
  join(code: string, choices: JoinChoices): Promise<void>;
}

/** Shows the home screen; `error` (if any) is shown above the forms. Returns a function that removes it. */
export function showHome(actions: HomeActions, error = ""): () => void {
  const form = loadHomeForm();
  let message = error;
  let busy = false;
  const root = appRoot();

  const render = (): void => {
    document.title = `${t("app.title")}: ${t("home.playTitle")}`;
    replaceChildren(root, view());
  };

  const read = (el: HTMLFormElement | null): void => {
    if (!el) return;
    const data = new FormData(el);
    const s = (k: string) => (data.get(k) === null ? undefined : String(data.get(k)));
    if (s("name") !== undefined) form.name = s("name") ?? "";
    if (s("role") !== undefined) form.role = (s("role") ?? "") as HomeForm["role"];
    if (s("phase") !== undefined) form.phase = (s("phase") ?? "") as HomeForm["phase"];
    if (s("seats") !== undefined) form.seats = Number(s("seats"));
    if (s("botLevel") !== undefined) form.botLevel = s("botLevel") as BotLevel;
    if (s("missPassesTo") !== undefined) form.missPassesTo = s("missPassesTo") === "next" ? "next" : "asked";
    if (el.elements.namedItem("allowBluff")) {
      form.allowBluff = data.has("allowBluff");
      form.stock = data.has("stock");
      form.emptyHandDraw = data.has("emptyHandDraw");
    }
    if (s("code") !== undefined) form.code = s("code") ?? "";
  };

  const readAll = (): void => {
    for (const f of root.querySelectorAll("form")) read(f);
    saveHomeForm(form);
  };

  const who = (): JoinChoices | null => {
    const name = form.name.trim();
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) return null;
    return {
      name,
      lang: lang(),
      ...(form.role ? { role: form.role } : {}),
      ...(form.phase ? { phase: form.phase } : {}),
    };
  };

  const submit = async (kind: "play" | "join", event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    readAll();
    const choices = who();
    if (!choices) return fail(t("home.nameRequired"), "name");
    if (kind === "join" && !form.code.trim()) return fail(t("home.codeRequired"), "code");
    busy = true;
    message = t("home.connecting");
    render();
    try {
      if (kind === "play") {
        await actions.quickPlay({ ...choices, seats: form.seats, botLevel: form.botLevel, rules: homeRules(form) });
      } else {
        await actions.join(form.code.trim(), choices);
      }
    } catch (e) {
      busy = false;
      fail(t("home.failed", { reason: errorText(e) }));
    }
  };

  const fail = (text: string, focus?: string): void => {
    message = text;
    render();
    const target = focus
      ? root.querySelector<HTMLElement>(`[name="${focus}"]`)
      : root.querySelector<HTMLElement>("#home-message");
    target?.focus();
  };

  const opt = (value: string, label: string, selected: boolean) => h("option", { value, selected }, label);

  const view = (): HTMLElement =>
    h(
      "main",
      { className: "home", id: "main" },
      h(
        "header",
        { className: "home-header" },
        brandMark("home-mark"),
        h("h1", {}, t("app.title")),
        h("p", { className: "subtitle" }, t("app.subtitle")),
        h("p", { className: "message" }, introTexts(lang()).message),
      ),
      message ? h("p", { id: "home-message", className: "notice", role: "alert", tabindex: -1 }, message) : null,
      h(
        "form",
        { className: "panel", "aria-labelledby": "you-title", onsubmit: (e: Event) => e.preventDefault() },
        h("h2", { id: "you-title" }, t("home.you")),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("home.name")),
          h("input", {
            name: "name",
            value: form.name,
            maxlength: MAX_NAME_LENGTH,
            autocomplete: "nickname",
            placeholder: t("home.namePlaceholder"),
            required: true,
          }),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("home.language")),
          h(
            "select",
            { name: "lang", onchange: (e: Event) => changeLang((e.target as HTMLSelectElement).value) },
            opt("nl", "Nederlands", lang() === "nl"),
            opt("en", "English", lang() === "en"),
          ),
        ),
        h(
          "details",
          { className: "more", open: Boolean(form.role || form.phase) },
          h("summary", {}, t("home.about")),
          h(
            "label",
            { className: "field" },
            h("span", {}, t("home.role")),
            h(
              "select",
              { name: "role" },
              opt("", t("home.none"), !form.role),
              ROLES.map((r) => opt(r, t(`roles.${r}`), form.role === r)),
            ),
          ),
          h(
            "label",
            { className: "field" },
            h("span", {}, t("home.phase")),
            h(
              "select",
              { name: "phase" },
              opt("", t("home.none"), !form.phase),
              REGION_PHASES.map((p) => opt(p, t(`phases.${p}`), form.phase === p)),
            ),
          ),
        ),
      ),
      playForm(),
      joinForm(),
      h(
        "footer",
        { className: "home-footer" },
        h("a", { href: "#planner", className: "link", id: "open-planner" }, t("pl.open")),
        " · ",
        h("a", { href: "#facilitator", className: "link" }, t("home.facilitator")),
      ),
    );

  const playForm = (): HTMLElement => {
    const stockForced = form.seats === 2;
    const stock = stockForced || form.stock;
    return h(
      "form",
      {
        className: "panel",
        "aria-labelledby": "play-title",
        onsubmit: (e: Event) => void submit("play", e),
        onchange: (e: Event) => {
          readAll();
          if (
            (e.target as HTMLElement).getAttribute("name") === "seats" ||
            (e.target as HTMLElement).getAttribute("name") === "stock"
          ) {
            render();
            root.querySelector<HTMLElement>(`[name="${(e.target as HTMLElement).getAttribute("name")}"]`)?.focus();
          }
        },
      },
      h("h2", { id: "play-title" }, t("home.playTitle")),
      h("p", {}, t("home.playIntro")),
      h(
        "label",
        { className: "field" },
        h("span", {}, t("home.seats")),
        h(
          "select",
          { name: "seats" },
          [2, 3, 4, 5, 6].map((n) =>
            opt(String(n), t("home.seatsValue", { seats: n, count: n - 1 }), form.seats === n),
          ),
        ),
      ),
      h(
        "label",
        { className: "field" },
        h("span", {}, t("home.botLevel")),
        h(
          "select",
          { name: "botLevel" },
          BOT_LEVELS.map((l) => opt(l, t(`levels.${l}`), form.botLevel === l)),
        ),
      ),
      h(
        "details",
        { className: "more" },
        h("summary", {}, t("home.rules")),
        h(
          "fieldset",
          {},
          h("legend", {}, t("home.missPassesTo")),
          radio("missPassesTo", "asked", t("home.missAsked"), form.missPassesTo === "asked"),
          radio("missPassesTo", "next", t("home.missNext"), form.missPassesTo === "next"),
        ),
        check("allowBluff", t("home.allowBluff"), form.allowBluff),
        check("stock", t("home.stock"), stock, stockForced),
        stockForced ? h("p", { className: "hint" }, t("home.stockForced")) : null,
        check("emptyHandDraw", t("home.emptyHandDraw"), stock && form.emptyHandDraw, !stock),
      ),
      h("button", { type: "submit", className: "primary", disabled: busy }, t("home.play")),
    );
  };

  const joinForm = (): HTMLElement =>
    h(
      "form",
      { className: "panel", "aria-labelledby": "join-title", onsubmit: (e: Event) => void submit("join", e) },
      h("h2", { id: "join-title" }, t("home.joinTitle")),
      h("p", {}, t("home.joinIntro")),
      h(
        "label",
        { className: "field" },
        h("span", {}, t("home.code")),
        h("input", { name: "code", value: form.code, autocomplete: "off", spellcheck: "false", autocapitalize: "off" }),
      ),
      h("button", { type: "submit", disabled: busy }, t("home.join")),
    );

  const changeLang = (value: string): void => {
    readAll();
    if (value === "nl" || value === "en") setLang(value);
  };

  const stopLang = onLangChange(() => {
    render();
    root.querySelector<HTMLElement>('[name="lang"]')?.focus();
  });
  render();
  return stopLang;
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  return h("label", { className: "choice" }, h("input", { type: "radio", name, value, checked }), h("span", {}, label));
}

function check(name: string, label: string, checked: boolean, disabled = false): HTMLElement {
  return h(
    "label",
    { className: "choice" },
    h("input", { type: "checkbox", name, checked, disabled }),
    h("span", {}, label),
  );
}
