/** Texts of the desk's plan edits (undo, redo, an edit on its way, locks, "optimise the rest"), Dutch and English. */
export const editNl = {
  tools: "Je wijzigingen",
  undo: "Ongedaan maken",
  redo: "Opnieuw doen",
  undoTitle: "Maak je laatste wijziging ongedaan (Ctrl+Z)",
  redoTitle: "Doe de wijziging opnieuw (Ctrl+Shift+Z of Ctrl+Y)",
  saving: "Je wijziging gaat naar de server...",
  saved: "Je planning is bijgewerkt.",
  reverted: "Je wijziging is teruggedraaid: {{reason}}",
  lockRoute: "Rit vastzetten",
  unlockRoute: "Rit losmaken",
  lockRouteTitle: "{{truck}} vastzetten: de assistent laat deze rit precies zoals hij is",
  lockStop: "Vastzetten",
  unlockStop: "Losmaken",
  lockStopTitle: "{{order}} vastzetten op deze wagen: de assistent haalt hem er niet af",
  lockedRoute: "vastgezet",
  lockedStop: "vast",
  optimise: "Optimaliseer de rest",
  optimiseNote:
    "Vastgezet: {{routes}} ritten en {{stops}} stops. De assistent laat vastgezette ritten zoals ze zijn, houdt vastgezette stops op hun wagen (vooraan, na wat al gereden is) en plant de rest eromheen.",
};

export const editEn: typeof editNl = {
  tools: "Your changes",
  undo: "Undo",
  redo: "Redo",
  undoTitle: "Undo your last change (Ctrl+Z)",
  redoTitle: "Redo the change (Ctrl+Shift+Z or Ctrl+Y)",
  saving: "Your change is on its way to the server...",
  saved: "Your plan is up to date.",
  reverted: "Your change was undone: {{reason}}",
  lockRoute: "Lock route",
  unlockRoute: "Unlock route",
  lockRouteTitle: "Lock {{truck}}: the assistant keeps this route exactly as it is",
  lockStop: "Lock",
  unlockStop: "Unlock",
  lockStopTitle: "Lock {{order}} to this truck: the assistant does not take it off",
  lockedRoute: "locked",
  lockedStop: "locked",
  optimise: "Optimise the rest",
  optimiseNote:
    "Locked: {{routes}} routes and {{stops}} stops. The assistant keeps locked routes as they are, keeps locked stops on their truck (first, after what has been driven) and plans the rest around them.",
};
