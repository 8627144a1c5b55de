import { describe, expect, it } from "vitest";
import { listText, peopleList } from "@iot/shared/i18n/lists";

describe("listText", () => {
  it("joins one to four names with 'en' in Dutch, no comma before it", () => {
    expect(listText([], "nl")).toBe("");
    expect(listText(["Bot 2"], "nl")).toBe("Bot 2");
    expect(listText(["Bot 1", "Bot 2"], "nl")).toBe("Bot 1 en Bot 2");
    expect(listText(["Anna", "Bot 1", "Bot 2"], "nl")).toBe("Anna, Bot 1 en Bot 2");
    expect(listText(["Anna", "Bram", "Bot 1", "Bot 2"], "nl")).toBe("Anna, Bram, Bot 1 en Bot 2");
  });

  it("joins one to four names with 'and' in English", () => {
    expect(listText(["Bot 2"], "en")).toBe("Bot 2");
    expect(listText(["Bot 1", "Bot 2"], "en")).toBe("Bot 1 and Bot 2");
    expect(listText(["Anna", "Bot 1", "Bot 2"], "en")).toBe("Anna, Bot 1, and Bot 2");
    expect(listText(["Anna", "Bram", "Bot 1", "Bot 2"], "en")).toBe("Anna, Bram, Bot 1, and Bot 2");
  });

  it("keeps bidi-isolated names whole", () => {
    expect(listText(["\u2068محمد\u2069", "\u2068Anna\u2069"], "nl")).toBe("\u2068محمد\u2069 en \u2068Anna\u2069");
  });
});

describe("peopleList", () => {
  it("puts the reader first as 'Jij'/'You', the others in their order", () => {
    expect(peopleList(["Bot 2", "Anna"], "nl", "Jij", 1)).toBe("Jij en Bot 2");
    expect(peopleList(["Anna", "Bot 2"], "en", "You", 0)).toBe("You and Bot 2");
    expect(peopleList(["Bot 1", "Anna", "Bot 2"], "nl", "Jij", 1)).toBe("Jij, Bot 1 en Bot 2");
    expect(peopleList(["Bot 1", "Bot 2", "Bot 3", "Anna"], "nl", "Jij", 3)).toBe("Jij, Bot 1, Bot 2 en Bot 3");
    expect(peopleList(["Anna"], "nl", "Jij", 0)).toBe("Jij");
  });

  it("lists the names as they are when the reader is not among them", () => {
    expect(peopleList(["Bot 1", "Bot 2"], "nl", "Jij", -1)).toBe("Bot 1 en Bot 2");
    expect(peopleList(["Bot 1", "Bot 2"], "en", "You", -1)).toBe("Bot 1 and Bot 2");
  });
});
