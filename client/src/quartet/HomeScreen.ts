/**
 * The first screen, an invitation to play (plain accessible DOM, no Phaser,
 * so it loads fast): who you are (name, language, optional role and region
 * phase), then the choices side by side: a table for friends (a code and a
 * link to share, bots in the seats left empty), "Play now" against bots
 * (seats, level, house rules), joining by a code; then the transport planner
 * and the facilitators' area. Drawn by Preact from the form's values, which
 * every change updates (and remembers).
 */
import "./quartet.css";
import { h, type ComponentChildren, type JSX } from "preact";
import { introTexts } from "./deck/index.js";
import { lang, onLangChange, setLang, t } from "../i18n/index.js";
import { BOT_LEVELS, MAX_NAME_LENGTH, REGION_PHASES, ROLES, type BotLevel } from "../net/constants.js";
import { errorText } from "../net/errors.js";
import type { JoinChoices, QuickPlayChoices } from "./net/types.js";
import { brandMarkView } from "../ui/brand.js";
import { appRoot } from "../ui/dom.js";
import { mount } from "../ui/render.js";
import { homeRules, loadHomeForm, saveHomeForm, type HomeForm } from "./homeForm.js";

/** What the home screen asks the app to do. */
export interface HomeActions {
  quickPlay(choices: QuickPlayChoices): Promise<void>;
  /** Opens a friends' table (the host waits there for the friends they share its code with). */
  friends(choices: QuickPlayChoices): Promise<void>;
  join(code: string, choices: JoinChoices): Promise<void>;
}

/** The value of the control an event came from. */
const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
const checkedOf = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

/** Shows the home screen; `error` (if any) is shown above the forms. Returns a function that removes it. */
export function showHome(actions: HomeActions, error = ""): () => void {
  const form = loadHomeForm();
  let message = error;
  let busy = false;
  const root = appRoot();
  // "About you" starts open when something in it was filled in before; then it is the player's to open and close.
  const aboutOpen = Boolean(form.role || form.phase);

  /** Takes a changed value into the form and remembers it; `redraw` when the form looks different with it. */
  const set = <K extends keyof HomeForm>(key: K, value: HomeForm[K], redraw = false): void => {
    form[key] = value;
    saveHomeForm(form);
    if (redraw) draw();
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

  const submit = async (kind: "play" | "friends" | "join", event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    saveHomeForm(form);
    const choices = who();
    if (!choices) return fail(t("home.nameRequired"), "name");
    if (kind === "join" && !form.code.trim()) return fail(t("home.codeRequired"), "code");
    busy = true;
    message = t("home.connecting");
    draw();
    try {
      if (kind === "play") {
        await actions.quickPlay({ ...choices, seats: form.seats, botLevel: form.botLevel, rules: homeRules(form) });
      } else if (kind === "friends") {
        const seats = form.friendSeats;
        await actions.friends({ ...choices, seats, botLevel: form.botLevel, rules: homeRules(form, seats) });
      } else {
        await actions.join(form.code.trim(), choices);
      }
    } catch (e) {
      busy = false;
      fail(t("home.failed", { reason: errorText(e) }));
    }
  };

  /** Shows `text` and takes the player to the field to fix (or to the message). */
  const fail = (text: string, field?: string): void => {
    message = text;
    draw();
    const target = field
      ? root.querySelector<HTMLElement>(`[name="${field}"]`)
      : root.querySelector<HTMLElement>("#home-message");
    target?.focus();
  };

  const opt = (value: string, label: string) => h("option", { key: value, value }, label);

  const field = (label: string, control: JSX.Element) =>
    h("label", { className: "field" }, h("span", {}, label), control);

  const view = (): JSX.Element =>
    h(
      "main",
      { className: "home home-start", id: "main" },
      h(
        "header",
        { className: "home-header" },
        brandMarkView("home-mark"),
        h("h1", {}, t("app.title")),
        h("p", { className: "subtitle" }, t("app.subtitle")),
        h("p", { className: "message" }, introTexts(lang()).message),
      ),
      message ? h("p", { id: "home-message", className: "notice", role: "alert", tabindex: -1 }, message) : null,
      h(
        "form",
        { className: "panel", "aria-labelledby": "you-title", onSubmit: (e: Event) => e.preventDefault() },
        h("h2", { id: "you-title" }, t("home.you")),
        field(
          t("home.name"),
          h("input", {
            name: "name",
            value: form.name,
            maxLength: MAX_NAME_LENGTH,
            autocomplete: "nickname",
            placeholder: t("home.namePlaceholder"),
            required: true,
            onInput: (e: Event) => (form.name = valueOf(e)),
            onChange: (e: Event) => set("name", valueOf(e)),
          }),
        ),
        field(
          t("home.language"),
          h(
            "select",
            { name: "lang", value: lang(), onChange: (e: Event) => changeLang(valueOf(e)) },
            opt("nl", "Nederlands"),
            opt("en", "English"),
          ),
        ),
        h(
          "details",
          { className: "more", open: aboutOpen },
          h("summary", {}, t("home.about")),
          field(
            t("home.role"),
            h(
              "select",
              { name: "role", value: form.role, onChange: (e: Event) => set("role", valueOf(e) as HomeForm["role"]) },
              opt("", t("home.none")),
              ROLES.map((r) => opt(r, t(`roles.${r}`))),
            ),
          ),
          field(
            t("home.phase"),
            h(
              "select",
              {
                name: "phase",
                value: form.phase,
                onChange: (e: Event) => set("phase", valueOf(e) as HomeForm["phase"]),
              },
              opt("", t("home.none")),
              REGION_PHASES.map((p) => opt(p, t(`phases.${p}`))),
            ),
          ),
        ),
      ),
      h("div", { className: "home-choices" }, friendsForm(), playForm(), joinForm()),
      h(
        "nav",
        { className: "home-more", "aria-label": t("home.more") },
        h(
          "a",
          { href: "#planner", className: "home-more-card", id: "open-planner" },
          h("strong", {}, t("home.plannerTitle")),
          h("span", {}, t("home.plannerIntro")),
        ),
        h(
          "a",
          { href: "#facilitator", className: "home-more-card" },
          h("strong", {}, t("home.facilitatorTitle")),
          h("span", {}, t("home.facilitatorIntro")),
        ),
      ),
    );

  const friendsForm = (): JSX.Element =>
    h(
      "form",
      {
        className: "panel home-choice home-friends",
        "aria-labelledby": "friends-title",
        onSubmit: (e: Event) => void submit("friends", e),
      },
      h("h2", { id: "friends-title" }, t("friends.title")),
      h("p", {}, t("friends.intro")),
      field(
        t("friends.seats"),
        h(
          "select",
          {
            name: "friendSeats",
            value: String(form.friendSeats),
            onChange: (e: Event) => set("friendSeats", Number(valueOf(e))),
          },
          [2, 3, 4, 5, 6].map((n) => opt(String(n), t("friends.seatsValue", { seats: n }))),
        ),
      ),
      h("button", { type: "submit", className: "primary", disabled: busy }, t("friends.open")),
    );

  const playForm = (): JSX.Element => {
    const stockForced = form.seats === 2;
    const stock = stockForced || form.stock;
    return h(
      "form",
      {
        className: "panel home-choice",
        "aria-labelledby": "play-title",
        onSubmit: (e: Event) => void submit("play", e),
      },
      h("h2", { id: "play-title" }, t("home.botsTitle")),
      h("p", {}, t("home.playIntro")),
      field(
        t("home.seats"),
        h(
          "select",
          { name: "seats", value: String(form.seats), onChange: (e: Event) => set("seats", Number(valueOf(e)), true) },
          [2, 3, 4, 5, 6].map((n) => opt(String(n), t("home.seatsValue", { seats: n, count: n - 1 }))),
        ),
      ),
      field(
        t("home.botLevel"),
        h(
          "select",
          { name: "botLevel", value: form.botLevel, onChange: (e: Event) => set("botLevel", valueOf(e) as BotLevel) },
          BOT_LEVELS.map((l) => opt(l, t(`levels.${l}`))),
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
          choice(
            "radio",
            "missPassesTo",
            t("home.missAsked"),
            form.missPassesTo === "asked",
            () => set("missPassesTo", "asked"),
            "asked",
          ),
          choice(
            "radio",
            "missPassesTo",
            t("home.missNext"),
            form.missPassesTo === "next",
            () => set("missPassesTo", "next"),
            "next",
          ),
        ),
        choice("checkbox", "allowBluff", t("home.allowBluff"), form.allowBluff, (e) => set("allowBluff", checkedOf(e))),
        choice("checkbox", "stock", t("home.stock"), stock, (e) => set("stock", checkedOf(e), true), "on", stockForced),
        stockForced ? h("p", { className: "hint" }, t("home.stockForced")) : null,
        choice(
          "checkbox",
          "emptyHandDraw",
          t("home.emptyHandDraw"),
          stock && form.emptyHandDraw,
          (e) => set("emptyHandDraw", checkedOf(e)),
          "on",
          !stock,
        ),
      ),
      h("button", { type: "submit", className: "primary", disabled: busy }, t("home.play")),
    );
  };

  const joinForm = (): JSX.Element =>
    h(
      "form",
      {
        className: "panel home-choice",
        "aria-labelledby": "join-title",
        onSubmit: (e: Event) => void submit("join", e),
      },
      h("h2", { id: "join-title" }, t("home.joinTitle")),
      h("p", {}, t("home.joinIntro")),
      field(
        t("home.code"),
        h("input", {
          name: "code",
          value: form.code,
          autocomplete: "off",
          spellcheck: false,
          autocapitalize: "off",
          onInput: (e: Event) => (form.code = valueOf(e)),
        }),
      ),
      h("button", { type: "submit", disabled: busy }, t("home.join")),
    );

  const changeLang = (value: string): void => {
    saveHomeForm(form);
    if (value === "nl" || value === "en") setLang(value);
  };

  const draw = mount(() => {
    document.title = `${t("app.title")}: ${t("home.playTitle")}`;
    return view();
  }, root);
  return onLangChange(draw);
}

function choice(
  type: "radio" | "checkbox",
  name: string,
  label: ComponentChildren,
  checked: boolean,
  onChange: (e: Event) => void,
  value = "on",
  disabled = false,
): JSX.Element {
  return h(
    "label",
    { className: "choice" },
    h("input", { type, name, value, checked, disabled, onChange }),
    h("span", {}, label),
  );
}
