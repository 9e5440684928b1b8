import type { Principal } from "@samraad/access";
import { assertNotInFuture, badInput, conflict, forbidden, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { caseloadFactsOf, reportCaseload } from "../data/caseloads.ts";
import type { CaseloadGuideline, ReportCaseworkerCaseloadInput } from "../generated/graphql.ts";

/** The guideline of the seed analysis (004): at most 20-25 cases per caseworker. */
export const GUIDELINE_LOW = 20;
export const GUIDELINE_HIGH = 25;
export const MAX_REPORTED_CASELOAD = 500;

/** Who sees figures about the municipality's named caseworkers: its own leaders and its case system. */
export const CASELOAD_ROLES = ["leader", "system"] as const;

/**
 * A caseload per named caseworker is about one person: it never leaves her organisation. Only the
 * leaders and the case system of a municipality read (and report) their own caseworkers' figures;
 * everyone else, other municipalities and the national analysts included, is refused. The
 * municipality is the caller's own organisation, never an argument, so no one can name another.
 */
export function assertMayReadCaseloads(principal: Principal): string {
  if (principal.sector !== "MUNICIPALITY" || !principal.roles.some((r) => (CASELOAD_ROLES as readonly string[]).includes(r))) {
    throw forbidden("Only a municipality's leaders see its caseworkers' caseloads: figures about single people stay in the organisation.");
  }
  return principal.organisation;
}

export function guidelineOf(caseload: number): CaseloadGuideline {
  if (caseload > GUIDELINE_HIGH) return "ABOVE";
  if (caseload >= GUIDELINE_LOW) return "WITHIN";
  return "BELOW";
}

export interface CaseloadReport {
  caseworkerSub: string;
  caseworkerName: string;
  totalCaseload: number;
  reportedAt: Date;
}

export function validateCaseloadReport(
  input: { caseworkerSub: string; caseworkerName: string; totalCaseload: number; reportedAt: Date },
  now: Date,
): CaseloadReport {
  if (!Number.isInteger(input.totalCaseload) || input.totalCaseload < 0 || input.totalCaseload > MAX_REPORTED_CASELOAD) {
    throw badInput(`totalCaseload must be a whole number from 0 to ${MAX_REPORTED_CASELOAD}.`, "totalCaseload");
  }
  assertNotInFuture(input.reportedAt, "reportedAt", now);
  return {
    caseworkerSub: nonEmpty(input.caseworkerSub, "caseworkerSub", 200),
    caseworkerName: nonEmpty(input.caseworkerName, "caseworkerName", 200),
    totalCaseload: input.totalCaseload,
    reportedAt: input.reportedAt,
  };
}

export interface CaseloadFigures {
  caseworkerSub: string;
  caseworkerName: string;
  boernehusCourses: number;
  takenOver: number;
  totalCaseload: number | null;
  totalCaseloadReportedAt: Date | null;
  guideline: CaseloadGuideline;
}

/** The municipality's current assignments (each taken over from an earlier caseworker or not) and reported caseloads. */
export interface CaseloadFacts {
  current: Array<{ caseworkerSub: string; caseworkerName: string; takenOver: boolean }>;
  reports: CaseloadReport[];
}

/**
 * One row per caseworker who holds a case now or has a reported caseload: her current
 * assignments (and how many of them she took over from someone else), her reported whole
 * caseload, and where it stands against the guideline. Most loaded first, then by name.
 */
export function caseloadFigures(current: CaseloadFacts["current"], reports: CaseloadFacts["reports"]): CaseloadFigures[] {
  const rows = new Map<string, CaseloadFigures>();
  const rowOf = (sub: string, name: string) => {
    let row = rows.get(sub);
    if (!row) {
      row = {
        caseworkerSub: sub,
        caseworkerName: name,
        boernehusCourses: 0,
        takenOver: 0,
        totalCaseload: null,
        totalCaseloadReportedAt: null,
        guideline: "BELOW",
      };
      rows.set(sub, row);
    }
    return row;
  };
  for (const a of current) {
    const row = rowOf(a.caseworkerSub, a.caseworkerName);
    row.boernehusCourses += 1;
    if (a.takenOver) row.takenOver += 1;
  }
  for (const r of reports) {
    const row = rowOf(r.caseworkerSub, r.caseworkerName);
    row.totalCaseload = r.totalCaseload;
    row.totalCaseloadReportedAt = r.reportedAt;
  }
  const list = [...rows.values()];
  for (const row of list) row.guideline = guidelineOf(row.totalCaseload ?? row.boernehusCourses);
  const load = (r: CaseloadFigures) => r.totalCaseload ?? r.boernehusCourses;
  return list.sort(
    (a, b) => load(b) - load(a) || b.boernehusCourses - a.boernehusCourses || a.caseworkerName.localeCompare(b.caseworkerName, "da"),
  );
}

// The reads and the write: the municipality is always the caller's own (assertMayReadCaseloads).

export async function caseworkerCaseloads(ctx: Context): Promise<CaseloadFigures[]> {
  return figuresOf(ctx, mayReadOrAudited(ctx, "Query", "caseworkerCaseloads"));
}

/** The report is kept (or an older one ignored), and the caseworker's row is answered as it stands now. */
export async function reportCaseworkerCaseload(ctx: Context, input: ReportCaseworkerCaseloadInput): Promise<CaseloadFigures> {
  const municipalityCode = mayReadOrAudited(ctx, "Mutation", "reportCaseworkerCaseload");
  const report = validateCaseloadReport(input, ctx.clock.now());
  await reportCaseload(ctx.db, municipalityCode, report);
  const row = (await figuresOf(ctx, municipalityCode)).find((r) => r.caseworkerSub === report.caseworkerSub);
  if (!row) throw conflict("The caseload report was not kept. Try again.");
  return row;
}

async function figuresOf(ctx: Context, municipalityCode: string): Promise<CaseloadFigures[]> {
  const { current, reports } = await caseloadFactsOf(ctx.db, municipalityCode);
  return caseloadFigures(current, reports);
}

/** The refusal is audited like any other: someone outside the organisation asked about its people. */
function mayReadOrAudited(ctx: Context, type: "Query" | "Mutation", field: string): string {
  try {
    return assertMayReadCaseloads(ctx.principal);
  } catch (error) {
    ctx.audit.deny(type, field, {});
    throw error;
  }
}
