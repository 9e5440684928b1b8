import { type ComputedFigure, FIGURE_COLUMNS, type FigureColumn, type FigureName, SHARE_NAMES } from "@samraad/statistics-catalogue";
import type { AggregateRow, CaseloadRow } from "../data/aggregates.ts";
import type { StatisticsIndicator, StatisticsLevel, StatisticsRow, StatisticsShare } from "../generated/graphql.ts";
import { ADDITIVE, type Breakdown, CASELOAD_GUIDELINE_MAX, CATEGORIES, FAMILIES, FAMILY_NAMES, type FamilyName } from "./indicators.ts";
import { MIN_CASEWORKERS, MIN_CHILDREN, protectCells, type SumConstraint, suppressCells, suppressShares } from "./suppression.ts";
import { hierarchy, type Unit, type Units, unitKey, unitsAt } from "./units.ts";

/** A row of the table: the type generated from StatisticsRow (declared in packages/statistics-catalogue). */
export type IndicatorRow = Omit<StatisticsRow, "__typename">;

export interface IndicatorTable {
  year: number;
  level: StatisticsLevel;
  breakdown: Breakdown;
  asOf: string | null;
  periodEnd: string;
  rows: IndicatorRow[];
}

export interface TableInput {
  year: number;
  level: StatisticsLevel;
  breakdown: Breakdown;
  asOf: string | null;
  periodEnd: string;
  units: Units;
  /** Children per municipality and age band. */
  population: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Each family's cells without breakdown (the unit totals every table shares). */
  margins: Record<FamilyName, AggregateRow[]>;
  /** Each family's cells by category (breakdown ≠ NONE). */
  interior: Record<FamilyName, AggregateRow[]> | null;
  caseloads: CaseloadRow[];
  visible: (unit: Unit) => boolean;
}

/** The figures in their declared order, and the family behind each indicator (CASELOAD has none: protectCaseloads). */
const FIGURES = Object.entries(FIGURE_COLUMNS) as Array<[FigureName, FigureColumn]>;
const FAMILY_OF: Partial<Record<StatisticsIndicator, FamilyName>> = Object.fromEntries(
  FAMILY_NAMES.map((name) => [FAMILIES[name].indicator, name]),
);

const cellId = (unit: Unit, category: string | null) => `${unitKey(unit)}|${category ?? "*"}`;

function unitOfRow(units: Units, row: AggregateRow): Unit | undefined {
  if (row.grouping === 3) return units.national;
  if (row.grouping === 1) return units.boernehuse.find((u) => u.code === row.region);
  return units.municipalities.find((u) => u.code === row.municipality);
}

/** The sums that tie a table's cells together, for one category column (null: the totals). */
function columnConstraints(units: Units, category: string | null): SumConstraint[] {
  return hierarchy(units).map((h) => ({ total: cellId(h.total, category), parts: h.parts.map((p) => cellId(p, category)) }));
}

interface FamilyCells {
  cells: Map<string, AggregateRow>;
  suppressed: Set<string>;
  /** The cells whose share of the numerator a, and of b, is withheld (their base's included). */
  shareA: Set<string>;
  shareB: Set<string>;
}

interface Protected {
  suppressed: Set<string>;
  shareA: Set<string>;
  shareB: Set<string>;
}

/** One family's bases, then its shares, over one set of sums (fixed: the margins' states). */
function protectCounts(
  family: (typeof FAMILIES)[FamilyName],
  counts: ReadonlyMap<string, number>,
  cells: ReadonlyMap<string, AggregateRow>,
  constraints: readonly SumConstraint[],
  fixed?: Protected,
): Protected {
  const fixedMap = (set: Set<string>, margins: Iterable<string>) => new Map([...margins].map((id) => [id, set.has(id)]));
  const margins = fixed ? [...counts.keys()].filter((id) => id.endsWith("|*")) : [];
  const suppressed = fixed ? suppressCells(counts, constraints, fixedMap(fixed.suppressed, margins)) : suppressCells(counts, constraints);
  const numerators = (key: "a" | "b") => new Map([...counts.keys()].map((id) => [id, cells.get(id)?.[key] ?? 0]));
  const none = new Set<string>();
  if (!("a" in family)) return { suppressed, shareA: none, shareB: none };
  const shareA = suppressShares({
    bases: counts,
    numerators: numerators("a"),
    baseSuppressed: suppressed,
    constraints,
    fixed: fixed && fixedMap(fixed.shareA, margins),
  });
  if (!("b" in family)) return { suppressed, shareA, shareB: none };
  const shareB = suppressShares({
    bases: counts,
    numerators: numerators("b"),
    baseSuppressed: suppressed,
    constraints,
    fixed: fixed && fixedMap(fixed.shareB, margins),
    nested: { numerators: numerators("a"), suppressed: shareA },
  });
  return { suppressed, shareA, shareB };
}

function protectFamily(input: TableInput, name: FamilyName): FamilyCells {
  const { units, breakdown } = input;
  const family = FAMILIES[name];
  const cells = new Map<string, AggregateRow>();
  const marginCounts = new Map<string, number>(units.all.map((u) => [cellId(u, null), 0]));
  for (const row of input.margins[name]) {
    const unit = unitOfRow(units, row);
    if (!unit) continue;
    cells.set(cellId(unit, null), row);
    marginCounts.set(cellId(unit, null), row.n);
  }
  const margin = protectCounts(family, marginCounts, cells, columnConstraints(units, null));
  if (breakdown === "NONE" || !input.interior) return { cells, ...margin };

  // The breakdown's cells, protected against the margins as they stand in every table.
  const categories = CATEGORIES[breakdown];
  const counts = new Map(marginCounts);
  for (const u of units.all) for (const c of categories) counts.set(cellId(u, c), 0);
  for (const row of input.interior[name]) {
    const unit = unitOfRow(units, row);
    if (!unit) continue;
    cells.set(cellId(unit, row.category), row);
    counts.set(cellId(unit, row.category), row.n);
  }
  const constraints = [null, ...categories].flatMap((c) => columnConstraints(units, c));
  if (ADDITIVE[breakdown]) {
    for (const u of units.all) constraints.push({ total: cellId(u, null), parts: categories.map((c) => cellId(u, c)) });
  }
  return { cells, ...protectCounts(family, counts, cells, constraints, margin) };
}

interface Caseload {
  open: number;
  caseworkers: number;
  above: number;
}

/**
 * Caseload cells rest on caseworkers as well as on children: a cell is withheld when it has
 * fewer than 5 open courses or fewer than 5 caseworkers (one caseworker's caseload is personal
 * data about that employee), with secondary suppression and the audit over both counts; the
 * share above the guideline is a share of caseworkers, protected like the other shares.
 */
function protectCaseloads(input: TableInput): { values: Map<string, Caseload>; suppressed: Set<string>; share: Set<string> } {
  const { units } = input;
  const values = new Map<string, Caseload>(units.all.map((u) => [cellId(u, null), { open: 0, caseworkers: 0, above: 0 }]));
  const byCode = new Map(units.municipalities.map((m) => [m.code, m]));
  for (const row of input.caseloads) {
    const municipality = byCode.get(row.municipality);
    if (!municipality) continue;
    const region = units.boernehuse.find((b) => b.code === municipality.region);
    for (const unit of [municipality, region, units.national]) {
      const v = unit && values.get(cellId(unit, null));
      if (!v) continue;
      v.open += row.courses;
      v.caseworkers += 1;
      if (row.courses > CASELOAD_GUIDELINE_MAX) v.above += 1;
    }
  }
  const open = new Map([...values].map(([id, v]) => [id, v.open]));
  const caseworkers = new Map([...values].map(([id, v]) => [id, v.caseworkers]));
  const constraints = columnConstraints(units, null);
  const primary = [...values].filter(([, v]) => v.open < MIN_CHILDREN || v.caseworkers < MIN_CASEWORKERS).map(([id]) => id);
  const suppressed = protectCells({ order: open, primary, constraints, audit: [{ values: open }, { values: caseworkers }] });
  const share = suppressShares({
    bases: caseworkers,
    numerators: new Map([...values].map(([id, v]) => [id, v.above])),
    baseSuppressed: suppressed,
    constraints,
    min: MIN_CASEWORKERS,
  });
  return { values, suppressed, share };
}

function childrenOf(input: TableInput, unit: Unit, category: string | null): number {
  const ageBand = input.breakdown === "AGE_BAND" ? category : null;
  const municipalities =
    unit.level === "MUNICIPALITY"
      ? [unit.code]
      : input.units.municipalities.filter((m) => unit.level === "NATIONAL" || m.region === unit.code).map((m) => m.code);
  let children = 0;
  for (const code of municipalities) {
    for (const [band, n] of input.population.get(code) ?? []) if (!ageBand || band === ageBand) children += n;
  }
  return children;
}

/** Builds the table: protects every family across all units, then keeps the rows the caller may see. */
export function buildTable(input: TableInput): IndicatorTable {
  const families = Object.fromEntries(FAMILY_NAMES.map((name) => [name, protectFamily(input, name)])) as Record<FamilyName, FamilyCells>;
  const caseload = protectCaseloads(input);
  const rows: IndicatorRow[] = [];
  for (const unit of unitsAt(input.units, input.level).filter(input.visible)) {
    for (const category of [null, ...CATEGORIES[input.breakdown]]) {
      const id = cellId(unit, category);
      const suppressed: StatisticsIndicator[] = [];
      const cell = (name: FamilyName) => {
        const family = families[name];
        if (family.suppressed.has(id)) {
          suppressed.push(FAMILIES[name].indicator);
          return null;
        }
        return family.cells.get(id) ?? { n: 0, a: 0, b: 0, parts: [], median: null, p90: null };
      };
      // Every family's cell, in the families' order (which is the order of `suppressed`).
      const cells = Object.fromEntries(FAMILY_NAMES.map((name) => [name, cell(name)])) as Record<FamilyName, AggregateRow | null>;
      const suppressedShares: StatisticsShare[] = [];
      /** part / base, unless the share is withheld (then listed in suppressedShares). */
      const share = (x: { n: number } | null, part: number | undefined, withheld: Set<string>, name: StatisticsShare) => {
        if (withheld.has(id)) {
          suppressedShares.push(name);
          return null;
        }
        return x && x.n > 0 && part !== undefined ? part / x.n : null;
      };
      /** A figure its declaration says how to read from its family's cell (every measure but "computed"). */
      const figure = (column: FigureColumn): number | null => {
        const name = FAMILY_OF[column.indicator];
        const c = name ? cells[name] : null;
        if (!name || column.measure === "computed") return null;
        if (column.measure === "count") return c?.n ?? null;
        if (column.measure === "median") return c?.median ?? null;
        if (column.measure === "p90") return c?.p90 ?? null;
        const ab = column.measure === "shareA" ? "a" : "b";
        return share(c, c?.[ab], families[name][column.measure], column.share as StatisticsShare);
      };
      const figures = Object.fromEntries(FIGURES.map(([name, column]) => [name, figure(column)])) as Record<FigureName, number | null>;
      const follow = cells.followThrough;
      const started = cells.started;
      const otherSupport = otherSupportShares(
        follow,
        figures.measureWithin6MonthsShare !== null && figures.anySupportWithin6MonthsShare !== null,
        unit.level === "NATIONAL" && category === null,
      );
      suppressedShares.push(...otherSupport.withheld);
      const children = childrenOf(input, unit, category);
      let load: Caseload | null = null;
      if (category === null) {
        if (caseload.share.has(id)) suppressedShares.push("CASEWORKERS_ABOVE_GUIDELINE_SHARE");
        if (caseload.suppressed.has(id)) suppressed.push("CASELOAD");
        else load = caseload.values.get(id) ?? null;
      }
      const computed: Record<ComputedFigure, number | null> = {
        coursesPer1000Children: started && children > 0 ? (started.n / children) * 1000 : null,
        ...otherSupport.values,
        openCoursesAtPeriodEnd: load?.open ?? null,
        caseworkers: load?.caseworkers ?? null,
        meanCaseload: load && load.caseworkers > 0 ? load.open / load.caseworkers : null,
        caseworkersAboveGuidelineShare: load && load.caseworkers > 0 && !caseload.share.has(id) ? load.above / load.caseworkers : null,
      };
      rows.push({
        level: unit.level,
        unitCode: unit.code,
        unitName: unit.name,
        category,
        ...figures,
        ...computed,
        suppressed,
        suppressedShares: SHARE_NAMES.filter((name) => suppressedShares.includes(name)),
      });
    }
  }
  return {
    year: input.year,
    level: input.level,
    breakdown: input.breakdown,
    asOf: input.asOf,
    periodEnd: input.periodEnd,
    rows,
  };
}

interface OtherSupportShares {
  values: Pick<
    IndicatorRow,
    | "otherSupportOnlyWithin6MonthsShare"
    | "otherSupportAlongsideCourseShare"
    | "otherSupportEarlyPreventiveShare"
    | "otherSupportPrivateTreatmentShare"
  >;
  withheld: StatisticsShare[];
}

/**
 * The difference between the 76% and the 67% (other support only), and its split by kind
 * (docs/indicators.md, "Other support").
 *
 * The difference is published wherever both shares are: the nested-share rule already holds
 * b − a at 5 or more there (and base − (b − a) ≥ base − b ≥ 5), and it adds nothing an analyst
 * could not subtract. The split by kind is published on the national total row only, the top of
 * every sum, so no cell below it can be worked out from it; and only where each kind's count and
 * its complement are at least 5, and the courses whose kind is not recorded (answers given before
 * the kinds existed) are 0 or at least 5, so that no 1-4 children can be told apart by subtraction.
 */
export function otherSupportShares(
  follow: Pick<AggregateRow, "n" | "a" | "b" | "parts"> | null,
  bothPublished: boolean,
  national: boolean,
): OtherSupportShares {
  const none: OtherSupportShares["values"] = {
    otherSupportOnlyWithin6MonthsShare: null,
    otherSupportAlongsideCourseShare: null,
    otherSupportEarlyPreventiveShare: null,
    otherSupportPrivateTreatmentShare: null,
  };
  // Withheld with its base, or with either share (listed, like the shares themselves).
  if (!follow || !bothPublished)
    return {
      values: none,
      withheld: ["OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE", ...(national ? (["OTHER_SUPPORT_KIND_SHARES"] as const) : [])],
    };
  const difference = follow.b - follow.a;
  const values = { ...none, otherSupportOnlyWithin6MonthsShare: difference / follow.n };
  if (!national) return { values, withheld: [] };
  const [alongside = 0, early = 0, privately = 0] = follow.parts;
  const unrecorded = difference - alongside - early - privately;
  const publishable = (count: number) => count >= MIN_CHILDREN && follow.n - count >= MIN_CHILDREN;
  if (![alongside, early, privately].every(publishable) || (unrecorded > 0 && unrecorded < MIN_CHILDREN)) {
    return { values, withheld: ["OTHER_SUPPORT_KIND_SHARES"] };
  }
  return {
    values: {
      ...values,
      otherSupportAlongsideCourseShare: alongside / follow.n,
      otherSupportEarlyPreventiveShare: early / follow.n,
      otherSupportPrivateTreatmentShare: privately / follow.n,
    },
    withheld: [],
  };
}
