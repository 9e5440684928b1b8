/**
 * DataLoader batch functions must answer in the order of the keys they were given.
 * These turn one `findMany({ where: { key: { in: keys } } })` into that answer.
 */
export function groupBy<T, K extends string>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export function firstBy<T, K extends string>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  return groupBy(keys, rows, keyOf).map((group) => group[0] ?? null);
}
