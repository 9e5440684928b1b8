/**
 * Small-cell suppression (docs/indicators.md, "Suppression").
 *
 * Primary: a cell counting fewer than MIN_CHILDREN children is suppressed.
 * Secondary: the cells of a table are tied by sums (a børnehus = its municipalities, the
 * country = its børnehuse, a unit's total = its categories). Where exactly one cell of such a
 * sum is suppressed, it could be worked out by differencing, so the smallest other published
 * cell of that sum is suppressed too; repeated until no sum has exactly one suppressed cell.
 * Cells fixed by an earlier table (the margins every breakdown shares) keep their state, so
 * the same figure is published or suppressed alike in every table.
 */
export const MIN_CHILDREN = 5;

export interface SumConstraint {
  total: string;
  parts: string[];
}

/**
 * @param counts children per cell id
 * @param constraints total = sum of parts
 * @param fixed cells whose state is already decided (true = suppressed)
 * @returns the ids of the suppressed cells
 */
export function suppressCells(
  counts: ReadonlyMap<string, number>,
  constraints: readonly SumConstraint[],
  fixed: ReadonlyMap<string, boolean> = new Map(),
): Set<string> {
  const suppressed = new Set<string>();
  for (const [id, n] of counts) {
    const decided = fixed.get(id);
    if (decided ?? n < MIN_CHILDREN) suppressed.add(id);
  }
  for (const [id, isSuppressed] of fixed) if (isSuppressed) suppressed.add(id);
  const count = (id: string) => counts.get(id) ?? 0;
  const open = (id: string) => !suppressed.has(id) && !fixed.has(id);
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      if (c.parts.length === 0) continue;
      const hidden = [c.total, ...c.parts].filter((id) => suppressed.has(id)).length;
      if (hidden !== 1) continue;
      const candidates = c.parts.filter(open).sort((a, b) => count(a) - count(b) || a.localeCompare(b));
      const pick = candidates[0] ?? (open(c.total) ? c.total : undefined);
      if (pick === undefined) continue;
      suppressed.add(pick);
      changed = true;
    }
  }
  return suppressed;
}
