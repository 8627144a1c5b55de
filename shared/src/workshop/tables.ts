/**
 * Splits participants over as few tables of at most `tableSize` seats as
 * possible, with table sizes differing by at most one; participants keep
 * their order and are dealt round the tables. Empty seats are filled with
 * bots when a table starts. Returns one list of ids per table.
 */
export function balanceTables<T>(participants: readonly T[], tableSize: number): T[][] {
  if (!Number.isInteger(tableSize) || tableSize < 1) throw new RangeError("tableSize must be a whole number >= 1");
  if (participants.length === 0) return [];
  const count = Math.ceil(participants.length / tableSize);
  const tables: T[][] = Array.from({ length: count }, () => []);
  participants.forEach((p, i) => tables[i % count]?.push(p));
  return tables;
}
