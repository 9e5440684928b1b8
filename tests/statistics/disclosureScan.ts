import { MUNICIPALITIES } from "@samraad/synthetic";

/**
 * An attacker's audit of published statistics tables (docs/indicators.md, "Suppression";
 * docs/access-model.md, "Statistical disclosure control"). It takes every table of a year
 * (every level, every breakdown), as the national analyst receives them, and works out what
 * can be known about each cell:
 *
 * - the counts a row publishes (children per indicator, open courses, caseworkers);
 * - the numerators a published share gives away with its published base (share × base), and
 *   their complements (base − numerator), for the nested follow-through shares also the
 *   difference between them (other support only);
 * - for every withheld count, the interval the sums leave it in: a børnehus = its
 *   municipalities, the country = its børnehuse, and (burden level, age band, quarter) a unit's
 *   total = its categories, propagated to a fixed point over all the year's tables at once.
 *
 * A finding is a number of children or caseworkers from 1 to 4 that is published or can be
 * worked out exactly. Exactly recovered zeros are counted apart (`zeros`): nobody is described
 * by them, but they show where an attacker pins a withheld cell.
 */
export type ScanRow = Record<string, unknown> & { level: string; unitCode: string; category: string | null };
export interface ScanTable {
  breakdown: string;
  rows: ScanRow[];
}
export interface Finding {
  cell: string;
  quantity: string;
  value: number;
  how: "published" | "differencing";
}

const ADDITIVE = new Set(["BURDEN_LEVEL", "AGE_BAND", "QUARTER"]);
const MIN = 5;

/** The quantities a row gives, each from its count and its shares. */
interface Family {
  name: string;
  base: string;
  a?: string;
  b?: string;
  marginsOnly?: boolean;
}
const FAMILIES: Family[] = [
  { name: "started", base: "coursesStarted", a: "samraadShare" },
  { name: "closed", base: "coursesClosed", a: "caseworkerContinuityShare" },
  { name: "samraad", base: "samraadCourses" },
  { name: "videoInterview", base: "videoInterviewCourses" },
  { name: "finalNote", base: "finalNoteCourses" },
  { name: "followThrough", base: "followThroughCourses", a: "measureWithin6MonthsShare", b: "anySupportWithin6MonthsShare" },
  { name: "declined", base: "declinedCourses", a: "declinedForMotivationShare" },
  { name: "measures", base: "measuresStarted", a: "placementShare" },
  { name: "caseloadCourses", base: "openCoursesAtPeriodEnd", marginsOnly: true },
  { name: "caseworkers", base: "caseworkers", a: "caseworkersAboveGuidelineShare", marginsOnly: true },
];

type Quantity = "n" | "a" | "n-a" | "b" | "n-b" | "b-a";
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function quantities(f: Family, row: ScanRow): Partial<Record<Quantity, { value: number | null; max: number }>> {
  const n = num(row[f.base]);
  const share = (field?: string) => (field === undefined || n === null ? null : num(row[field]));
  const sa = share(f.a);
  const sb = share(f.b);
  const a = sa === null || n === null ? null : Math.round(sa * n);
  const b = sb === null || n === null ? null : Math.round(sb * n);
  const max = n ?? Number.POSITIVE_INFINITY;
  const out: Partial<Record<Quantity, { value: number | null; max: number }>> = { n: { value: n, max: Number.POSITIVE_INFINITY } };
  if (f.a) {
    out.a = { value: a, max };
    out["n-a"] = { value: a === null || n === null ? null : n - a, max };
  }
  if (f.b) {
    out.b = { value: b, max };
    out["n-b"] = { value: b === null || n === null ? null : n - b, max };
    out["b-a"] = { value: a === null || b === null ? null : b - a, max };
  }
  return out;
}

interface Variable {
  lo: number;
  hi: number;
  known: boolean;
}

/** Tightens every variable's bounds through total = Σ parts until nothing changes. */
function propagate(vars: Map<string, Variable>, constraints: Array<{ total: string; parts: string[] }>) {
  for (let round = 0; round < 200; round++) {
    let changed = false;
    const tighten = (id: string, lo: number, hi: number) => {
      const v = vars.get(id);
      if (!v || v.known) return;
      if (lo > v.lo) {
        v.lo = lo;
        changed = true;
      }
      if (hi < v.hi) {
        v.hi = hi;
        changed = true;
      }
    };
    for (const c of constraints) {
      const t = vars.get(c.total);
      const parts = c.parts.map((p) => vars.get(p));
      if (!t || parts.some((p) => !p)) continue;
      const ps = parts as Variable[];
      const sumLo = ps.reduce((s, p) => s + p.lo, 0);
      const sumHi = ps.reduce((s, p) => s + p.hi, 0);
      tighten(c.total, sumLo, sumHi);
      c.parts.forEach((id, i) => {
        const p = ps[i] as Variable;
        tighten(id, t.lo - (sumHi - p.hi), t.hi - (sumLo - p.lo));
      });
    }
    if (!changed) return;
  }
}

/** Every finding in one year's tables (all levels, all breakdowns, as one analyst sees them). */
export function scanTables(tables: ScanTable[]): { findings: Finding[]; zeros: number; cells: number } {
  const regionOf = new Map(MUNICIPALITIES.map((m) => [m.code, m.region as string]));
  const findings: Finding[] = [];
  let zeros = 0;
  let cells = 0;
  const unitKey = (r: ScanRow) => `${r.level}:${r.unitCode}`;
  const columnKey = (breakdown: string, category: string | null) => (category === null ? "*" : `${breakdown}:${category}`);
  for (const f of FAMILIES) {
    for (const q of ["n", "a", "n-a", "b", "n-b", "b-a"] as Quantity[]) {
      const vars = new Map<string, Variable>();
      const units = new Map<string, ScanRow>();
      const columns = new Map<string, { breakdown: string; categories: Set<string> }>();
      for (const table of tables) {
        for (const row of table.rows) {
          if (f.marginsOnly && row.category !== null) continue;
          const got = quantities(f, row)[q];
          if (!got) continue;
          const id = `${unitKey(row)}|${columnKey(table.breakdown, row.category)}`;
          units.set(unitKey(row), row);
          if (row.category !== null) {
            const col = columns.get(table.breakdown) ?? { breakdown: table.breakdown, categories: new Set<string>() };
            col.categories.add(row.category);
            columns.set(table.breakdown, col);
          }
          const v = vars.get(id) ?? { lo: 0, hi: Number.POSITIVE_INFINITY, known: false };
          if (got.value !== null) Object.assign(v, { lo: got.value, hi: got.value, known: true });
          else v.hi = Math.min(v.hi, got.max);
          vars.set(id, v);
        }
      }
      if (vars.size === 0) continue;
      // The sums: per column, the country = børnehuse, a børnehus = its municipalities; per unit, additive categories.
      const all = [...units.values()];
      const byLevel = (level: string) => all.filter((u) => u.level === level);
      const hierarchy = [
        ...byLevel("NATIONAL").map((t) => ({ total: t, parts: byLevel("BOERNEHUS") })),
        ...byLevel("BOERNEHUS").map((t) => ({
          total: t,
          parts: byLevel("MUNICIPALITY").filter((m) => regionOf.get(m.unitCode) === t.unitCode),
        })),
      ];
      const columnIds = ["*", ...[...columns.values()].flatMap((c) => [...c.categories].map((cat) => columnKey(c.breakdown, cat)))];
      const constraints = columnIds.flatMap((col) =>
        hierarchy.map((h) => ({ total: `${unitKey(h.total)}|${col}`, parts: h.parts.map((p) => `${unitKey(p)}|${col}`) })),
      );
      for (const c of columns.values()) {
        if (!ADDITIVE.has(c.breakdown)) continue;
        for (const u of all)
          constraints.push({
            total: `${unitKey(u)}|*`,
            parts: [...c.categories].map((cat) => `${unitKey(u)}|${columnKey(c.breakdown, cat)}`),
          });
      }
      propagate(vars, constraints);
      for (const [id, v] of vars) {
        if (q === "n") cells++;
        if (v.lo !== v.hi) continue;
        const label = `${f.name}.${q}`;
        if (v.lo >= 1 && v.lo < MIN) findings.push({ cell: id, quantity: label, value: v.lo, how: v.known ? "published" : "differencing" });
        else if (v.lo === 0 && !v.known) zeros++;
      }
    }
  }
  return { findings, zeros, cells };
}

/** Every published field the scan reads. */
export const SCAN_FIELDS = `level unitCode category coursesStarted samraadShare coursesClosed caseworkerContinuityShare samraadCourses
  videoInterviewCourses finalNoteCourses followThroughCourses measureWithin6MonthsShare anySupportWithin6MonthsShare
  declinedCourses declinedForMotivationShare measuresStarted placementShare openCoursesAtPeriodEnd caseworkers caseworkersAboveGuidelineShare`;
