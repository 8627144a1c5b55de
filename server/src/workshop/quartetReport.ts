/**
 * The quartet workshop's hand-out (`GET /api/workshops/:id/report.pdf`): an
 * A4 PDF of several pages in the workshop's language. Page one: the title,
 * date, code and facilitator, the participants and every table's line-up
 * (bots included); the results per table (a chart of quartets per player,
 * the same shared SVG chart as the screens, and the places); then the
 * combined regional action plan (the facilitator's priorities with owner and
 * next step first, then every picked card by theme with who chose it, their
 * role and note); then the full text of each chosen card (action, example,
 * tip, links) as the deck prints it. Every page is numbered. Names and notes
 * are printed as typed (../pdf/fonts.ts).
 */
import { barChart } from "@iot/shared/charts/bars";
import { seriesColor } from "@iot/shared/charts/palette";
import { reportTexts, type ReportTexts } from "@iot/shared/i18n/reports";
import { REGION_PHASES, ROLES, type Lang } from "@iot/shared/protocol";
import { card as cardInfo, theme as themeInfo } from "@iot/shared/quartet/deck";
import { isCardId, isThemeId, type CardId } from "@iot/shared/quartet/cardIds";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { FONT, printable, unicodePdf } from "../pdf/fonts.js";
import { drawChart, svgSize, type Pdf } from "./pdfCharts.js";
import type { ReportContext } from "./reportContext.js";

const LEFT = 50;
/** A4 width less both margins, in points. */
const WIDTH = 595.28 - 2 * LEFT;
/** A4 height less the bottom margin, in points. */
const BOTTOM = 841.89 - 60;

/** Starts a new page when fewer than `needed` points are left on this one. */
function room(doc: Pdf, needed: number): void {
  if (doc.y + needed > BOTTOM) doc.addPage();
}

const roleName = (tx: ReportTexts, role: string) =>
  (ROLES as readonly string[]).includes(role) ? tx.roles[role as (typeof ROLES)[number]] : role;
const phaseName = (tx: ReportTexts, phase: string) =>
  (REGION_PHASES as readonly string[]).includes(phase) ? tx.phases[phase as (typeof REGION_PHASES)[number]] : phase;
const themeName = (id: string, lang: Lang) => (isThemeId(id) ? themeInfo(id).name[lang] : id);

/** The workshop's date as its language writes it ("1 december 2026", "1 December 2026"), in Dutch time. */
export function reportDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}

function heading(doc: Pdf, text: string, size = 16): void {
  doc.x = LEFT;
  doc.font(FONT.bold).fontSize(size).fillColor("#000000").text(text).font(FONT.regular).moveDown(0.3);
}

function front(doc: Pdf, d: Debrief, ctx: ReportContext, tx: ReportTexts, lang: Lang): void {
  doc.font(FONT.bold).fontSize(24).text(printable(d.workshop.title)).font(FONT.regular);
  doc.fontSize(11).fillColor("#4b5a69").text(tx.subtitle).fillColor("#000000").moveDown(0.6);
  doc.fontSize(12);
  for (const [label, value] of [
    [tx.date, reportDate(ctx.date, lang)],
    [tx.code, d.workshop.code],
    [tx.facilitator, printable(ctx.facilitator)],
  ] as const) {
    doc.font(FONT.bold).text(`${label}: `, { continued: true }).font(FONT.regular).text(value);
  }
  doc.moveDown();
  heading(doc, tx.participants);
  const seated = ctx.participants.filter((p) => p.table !== null);
  doc.fontSize(11).text(tx.tablesCount(d.tables.length, ctx.participants.length)).moveDown(0.4);
  for (const t of d.tables) {
    const people = seated.filter((p) => p.table === t.number);
    const bots = t.ranking.filter((r) => r.isBot);
    room(doc, 30 + 14 * (people.length + bots.length));
    doc.x = LEFT;
    doc.font(FONT.bold).fontSize(12).text(`${tx.table} ${t.number}`).font(FONT.regular);
    for (const p of people)
      doc
        .fontSize(10)
        .text(printable([p.name, roleName(tx, p.role), phaseName(tx, p.phase)].filter(Boolean).join(" · ")), {
          indent: 12,
        });
    for (const b of bots) doc.fontSize(10).text(printable(`${b.name} (${tx.bot})`), { indent: 12 });
    doc.moveDown(0.4);
  }
  const loose = ctx.participants.filter((p) => p.table === null);
  if (loose.length > 0) {
    doc.x = LEFT;
    doc.font(FONT.bold).fontSize(12).text(tx.notSeated).font(FONT.regular);
    for (const p of loose) doc.fontSize(10).text(printable(p.name), { indent: 12 });
  }
}

function results(doc: Pdf, d: Debrief, tx: ReportTexts): void {
  doc.addPage();
  heading(doc, tx.results, 18);
  for (const t of d.tables) {
    const ranking = [...t.ranking].sort((a, b) => a.place - b.place);
    const chart = barChart({
      id: `quartets-${t.number}`,
      name: `${tx.table} ${t.number}: ${tx.quartets}`,
      bars: ranking.map((r, i) => ({
        key: String(i),
        label: [printable(r.isBot ? `${r.name} (${tx.bot})` : r.name)],
        value: r.quartets,
        text: String(r.quartets),
        color: seriesColor(i),
      })),
    });
    const size = svgSize(chart);
    const height = ranking.length === 0 ? 0 : (WIDTH * 0.8 * size.height) / size.width;
    room(doc, 40 + height + 14 * ranking.length);
    heading(doc, `${tx.table} ${t.number}`, 13);
    if (ranking.length === 0) {
      doc.fontSize(10).text(tx.notFinished).moveDown(0.6);
      continue;
    }
    doc.y += drawChart(doc, chart, { x: LEFT, y: doc.y, width: WIDTH * 0.8 }) + 4;
    for (const r of ranking)
      doc
        .fontSize(10)
        .text(
          printable(`${tx.place} ${r.place}: ${r.name}${r.isBot ? ` (${tx.bot})` : ""} · ${r.quartets} ${tx.quartets}`),
          { indent: 12 },
        );
    doc.moveDown(0.6);
  }
}

/** The cards of the combined plan in its order (by theme, most picked first). */
const planCards = (d: Debrief): CardId[] => d.combined.flatMap((g) => g.cards.map((c) => c.card));

function plan(doc: Pdf, d: Debrief, tx: ReportTexts, lang: Lang): void {
  doc.addPage();
  heading(doc, tx.plan, 18);
  if (d.combined.length === 0) {
    doc.fontSize(11).text(tx.none);
    return;
  }
  const priorities = d.priorities.filter((p) => isCardId(p.cardId));
  if (priorities.length > 0) {
    heading(doc, tx.priorities, 14);
    priorities.forEach((p, i) => {
      const c = cardInfo(p.cardId);
      room(doc, 60);
      doc.x = LEFT;
      doc
        .font(FONT.bold)
        .fontSize(12)
        .fillColor(themeInfo(c.theme).color)
        .text(`${i + 1}. ${c.title[lang]}`)
        .fillColor("#000000")
        .font(FONT.regular);
      doc.fontSize(10).text(`${themeName(c.theme, lang)}`, { indent: 16 });
      const by = d.combined.flatMap((g) => g.cards).find((x) => x.card === p.cardId)?.picks ?? [];
      if (by.length > 0)
        doc.text(printable(`${tx.chosenBy}: ${by.map((x) => `${x.name} (${tx.table} ${x.table})`).join(", ")}`), {
          indent: 16,
        });
      doc.text(printable(`${tx.owner}: ${p.owner || tx.open}`), { indent: 16 });
      doc.text(printable(`${tx.nextStep}: ${p.nextStep || tx.open}`), { indent: 16 }).moveDown(0.4);
    });
    doc.moveDown(0.4);
  }
  const marked = new Set(priorities.map((p) => p.cardId));
  if (priorities.length > 0 && d.combined.some((g) => g.cards.some((c) => !marked.has(c.card))))
    heading(doc, tx.otherPicks, 14);
  for (const group of d.combined) {
    const cards = group.cards.filter((c) => !marked.has(c.card));
    if (cards.length === 0) continue;
    room(doc, 50);
    doc.x = LEFT;
    doc
      .font(FONT.bold)
      .fontSize(13)
      .fillColor(themeInfo(group.theme).color)
      .text(themeName(group.theme, lang))
      .fillColor("#000000")
      .font(FONT.regular);
    for (const c of cards) {
      room(doc, 30 + 12 * c.picks.length);
      doc.fontSize(11).text(`${cardInfo(c.card).title[lang]} (${c.count}x)`, { indent: 10 });
      for (const p of c.picks) {
        const who = [p.name, roleName(tx, p.role)].filter(Boolean).join(", ");
        doc
          .fontSize(9)
          .fillColor("#333333")
          .text(printable(`${tx.table} ${p.table} · ${who}${p.note ? `: ${p.note}` : ""}`), { indent: 22 })
          .fillColor("#000000");
      }
    }
    doc.moveDown(0.4);
  }
}

function cardTexts(doc: Pdf, d: Debrief, tx: ReportTexts, lang: Lang): void {
  const cards = planCards(d);
  if (cards.length === 0) return;
  doc.addPage();
  heading(doc, tx.cards, 18);
  for (const id of cards) {
    const c = cardInfo(id);
    room(doc, 150);
    doc.x = LEFT;
    doc
      .font(FONT.bold)
      .fontSize(13)
      .fillColor(themeInfo(c.theme).color)
      .text(`${c.title[lang]}`)
      .fillColor("#4b5a69")
      .font(FONT.regular)
      .fontSize(9)
      .text(`${themeName(c.theme, lang)} · ${c.number}`)
      .fillColor("#000000")
      .moveDown(0.2);
    for (const [label, body] of [
      [tx.action, c.action[lang]],
      [tx.example, c.example[lang]],
      [tx.tip, c.tip[lang]],
    ] as const) {
      doc.fontSize(10).font(FONT.bold).text(label).font(FONT.regular).text(body).moveDown(0.2);
    }
    if (c.links.length > 0) doc.font(FONT.bold).text(tx.links).font(FONT.regular).text(c.links.join("  "));
    doc.moveDown(0.8);
  }
}

/** Numbers every page at its foot ("Pagina 2 van 4"). */
function pageNumbers(doc: Pdf, tx: ReportTexts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#4b5a69")
      .text(tx.page(i + 1, range.count), LEFT, 841.89 - 36, { width: WIDTH, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The quartet workshop's hand-out as a PDF (see the module's description). */
export function quartetPdf(d: Debrief, ctx: ReportContext): Promise<Buffer> {
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const tx = reportTexts[lang];
  const { doc, done } = unicodePdf({
    size: "A4",
    margin: LEFT,
    bufferPages: true,
    info: { Title: printable(d.workshop.title) },
    lang,
  });
  front(doc, d, ctx, tx, lang);
  results(doc, d, tx);
  plan(doc, d, tx, lang);
  cardTexts(doc, d, tx, lang);
  pageNumbers(doc, tx);
  doc.end();
  return done;
}
