/**
 * Statistical disclosure control (docs/indicators.md, "Suppression"; docs/access-model.md,
 * "Statistical disclosure control").
 *
 * Primary: a cell counting fewer than MIN_CHILDREN children (or resting on fewer than
 * MIN_CASEWORKERS caseworkers) is suppressed; so is a share whose numerator or complement
 * (base − numerator) would be such a count.
 * Secondary: the cells of a table are tied by sums (a børnehus = its municipalities, the
 * country = its børnehuse, a unit's total = its categories). Where exactly one cell of such a
 * sum is suppressed, it could be worked out by differencing, so the smallest other published
 * cell of that sum is suppressed too; repeated until no sum has exactly one suppressed cell.
 * Audit: the heuristic does not see what several sums give away together, so every table is
 * then attacked as an analyst would: each withheld cell's bounds are tightened through every
 * sum (interval propagation, from 0 or the share's base), and a withheld cell whose bounds
 * close on 1-4 gets a further cell of one of its sums suppressed; repeated until none does.
 * Cells fixed by an earlier table (the margins every breakdown shares) keep their state, so
 * the same figure is published or suppressed alike in every table.
 */
export const MIN_CHILDREN = 5;
/** Figures about caseworkers rest on at least this many of them (a caseload describes its holder). */
export const MIN_CASEWORKERS = 5;

export interface SumConstraint {
  total: string;
  parts: string[];
}

/** A quantity an analyst can compute for a published cell, and must not pin down for a withheld one. */
export interface AuditedQuantity {
  values: ReadonlyMap<string, number>;
  /** What bounds a withheld cell from above (a numerator: its published base). */
  upper?: ReadonlyMap<string, number>;
  /** Cells whose value is unknown even where this table publishes them (b − a needs both shares). */
  alsoHidden?: ReadonlySet<string>;
}

export interface ProtectInput {
  /** Every cell, with the size secondary suppression minimises (the smallest is hidden first). */
  order: ReadonlyMap<string, number>;
  primary: Iterable<string>;
  constraints: readonly SumConstraint[];
  /** Cells whose state is already decided (true = suppressed). */
  fixed?: ReadonlyMap<string, boolean>;
  audit: readonly AuditedQuantity[];
}

interface Bounds {
  lo: number;
  hi: number;
}

/**
 * What an analyst can infer about the withheld cells through the sums: bounds tightened
 * until nothing changes (the published cells are exact, withheld ones start at [0, upper]).
 */
export function inferBounds(
  quantity: AuditedQuantity,
  cells: Iterable<string>,
  hidden: ReadonlySet<string>,
  constraints: readonly SumConstraint[],
): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const id of cells) {
    const unknown = hidden.has(id) || quantity.alsoHidden?.has(id) === true;
    const value = quantity.values.get(id) ?? 0;
    bounds.set(id, unknown ? { lo: 0, hi: quantity.upper?.get(id) ?? Number.POSITIVE_INFINITY } : { lo: value, hi: value });
  }
  const unknown = (id: string) => hidden.has(id) || quantity.alsoHidden?.has(id) === true;
  const relevant = constraints.filter((c) => [c.total, ...c.parts].some(unknown));
  for (let round = 0; round < 100; round++) {
    let changed = false;
    const tighten = (b: Bounds, lo: number, hi: number) => {
      if (lo > b.lo) {
        b.lo = lo;
        changed = true;
      }
      if (hi < b.hi) {
        b.hi = hi;
        changed = true;
      }
    };
    for (const c of relevant) {
      const t = bounds.get(c.total);
      const parts = c.parts.map((p) => bounds.get(p));
      if (!t || parts.some((p) => p === undefined)) continue;
      const ps = parts as Bounds[];
      const sumLo = ps.reduce((s, p) => s + p.lo, 0);
      const sumHi = ps.reduce((s, p) => s + p.hi, 0);
      if (unknown(c.total)) tighten(t, sumLo, sumHi);
      c.parts.forEach((id, i) => {
        const p = ps[i] as Bounds;
        if (unknown(id)) tighten(p, t.lo - (sumHi - p.hi), t.hi - (sumLo - p.lo));
      });
    }
    if (!changed) break;
  }
  return bounds;
}

/** The withheld cells an analyst can pin to 1-4 in some audited quantity. */
export function pinnedSmallCells(
  input: Pick<ProtectInput, "order" | "constraints" | "audit">,
  hidden: ReadonlySet<string>,
  min: number = MIN_CHILDREN,
): string[] {
  const pinned = new Set<string>();
  for (const q of input.audit) {
    for (const [id, b] of inferBounds(q, input.order.keys(), hidden, input.constraints)) {
      const unknown = hidden.has(id) || q.alsoHidden?.has(id) === true;
      if (unknown && b.lo === b.hi && b.lo >= 1 && b.lo < min) pinned.add(id);
    }
  }
  return [...pinned].sort();
}

/** Primary, secondary and audited suppression: the ids of the withheld cells. */
export function protectCells(input: ProtectInput, min: number = MIN_CHILDREN): Set<string> {
  const fixed = input.fixed ?? new Map<string, boolean>();
  const suppressed = new Set<string>();
  for (const id of input.primary) if (fixed.get(id) !== false) suppressed.add(id);
  for (const [id, isSuppressed] of fixed) if (isSuppressed) suppressed.add(id);
  const size = (id: string) => input.order.get(id) ?? 0;
  const open = (id: string) => !suppressed.has(id) && !fixed.has(id);
  const bySize = (a: string, b: string) => size(a) - size(b) || a.localeCompare(b);
  for (let pass = 0; pass < 1000; pass++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of input.constraints) {
        if (c.parts.length === 0) continue;
        const hidden = [c.total, ...c.parts].filter((id) => suppressed.has(id)).length;
        if (hidden !== 1) continue;
        const candidates = c.parts.filter(open).sort(bySize);
        const pick = candidates[0] ?? (open(c.total) ? c.total : undefined);
        if (pick === undefined) continue;
        suppressed.add(pick);
        changed = true;
      }
    }
    // The audit: one more cell for the first withheld cell an analyst can still pin to 1-4.
    const pinned = pinnedSmallCells(input, suppressed, min);
    let pick: string | undefined;
    for (const id of pinned) {
      const sums = input.constraints.filter((c) => c.total === id || c.parts.includes(id));
      pick = sums
        .flatMap((c) => [...c.parts, c.total])
        .filter(open)
        .sort(bySize)[0];
      if (pick !== undefined) break;
    }
    if (pick === undefined) break;
    suppressed.add(pick);
  }
  return suppressed;
}

/**
 * Counts of children: primary below MIN_CHILDREN, secondary and audit.
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
  const primary = [...counts].filter(([, n]) => n < MIN_CHILDREN).map(([id]) => id);
  return protectCells({ order: counts, primary, constraints, fixed, audit: [{ values: counts }] });
}

/**
 * A share a/n: published only where its base is, and where the numerator a and the complement
 * n − a are counts that could be published themselves (at least `min`); then secondary
 * suppression and the audit over the numerators and complements, which add up like the bases.
 * `nested` (b ⊇ a, as any support contains a measure) also keeps b − a from being 1-4.
 */
export function suppressShares(args: {
  bases: ReadonlyMap<string, number>;
  numerators: ReadonlyMap<string, number>;
  baseSuppressed: ReadonlySet<string>;
  constraints: readonly SumConstraint[];
  fixed?: ReadonlyMap<string, boolean>;
  nested?: { numerators: ReadonlyMap<string, number>; suppressed: ReadonlySet<string> };
  min?: number;
}): Set<string> {
  const min = args.min ?? MIN_CHILDREN;
  const n = (id: string) => args.bases.get(id) ?? 0;
  const a = (id: string) => args.numerators.get(id) ?? 0;
  const inner = args.nested;
  const order = new Map<string, number>();
  const complement = new Map<string, number>();
  const upper = new Map<string, number>();
  const difference = new Map<string, number>();
  const primary: string[] = [];
  for (const id of args.bases.keys()) {
    order.set(id, Math.min(a(id), n(id) - a(id)));
    complement.set(id, n(id) - a(id));
    if (!args.baseSuppressed.has(id)) upper.set(id, n(id));
    const d = inner ? a(id) - (inner.numerators.get(id) ?? 0) : 0;
    difference.set(id, d);
    const small = a(id) < min || n(id) - a(id) < min || (inner !== undefined && !inner.suppressed.has(id) && d < min);
    if (args.baseSuppressed.has(id) || small) primary.push(id);
  }
  const audit: AuditedQuantity[] = [
    { values: args.numerators, upper },
    { values: complement, upper },
  ];
  if (inner) audit.push({ values: difference, upper, alsoHidden: inner.suppressed });
  return protectCells({ order, primary, constraints: args.constraints, fixed: args.fixed, audit }, min);
}
