/** A count with the word that agrees with it: `amount(1, "komt", "komen")` → "1 komt", 0 and 2+ take the plural. */
export const amount = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;
