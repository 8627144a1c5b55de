/**
 * The turn timer's extension (WCAG 2.2.1 Timing Adjustable): the player
 * whose turn timer runs may ask once per move for more time with the message
 * below; the table host moves the deadline on by the table's whole turn time.
 */

/** Client message (payload `{}`): the sender, whose turn timer runs, asks for more time. */
export const MORE_TIME_MESSAGE = "moreTime";

/** How far one extension moves the deadline (ms): the table's turn time again, `turnSeconds` s. */
export function moreTimeMs(turnSeconds: number): number {
  return turnSeconds * 1000;
}
