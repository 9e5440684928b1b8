import type { SyntheticCourse } from "./model.ts";
import { hashString } from "./random.ts";

/** A caseworker's whole caseload as a municipality's own case system reports it (issue 23.2). */
export interface ReportedCaseload {
  municipalityCode: string;
  caseworkerSub: string;
  caseworkerName: string;
  totalCaseload: number;
  reportedAt: string;
}

/**
 * Some municipalities' case systems report their caseworkers' whole caseloads; the others do
 * not, so the leader's view shows both. Copenhagen (0101, the demo leader's) reports, and about
 * one municipality in three besides, by a fixed rule on the code.
 */
export function reportsCaseloads(municipalityCode: string): boolean {
  return municipalityCode === "0101" || hashString(`caseload:${municipalityCode}`) % 3 === 0;
}

/**
 * For each caseworker who holds a course now in a reporting municipality: the børnehus courses
 * she holds plus her other cases, 6 to 24 of them, fixed per caseworker, so that some land
 * below, some within and some above the guideline of 20-25. Reported on the world's last day.
 */
export function reportedCaseloads(courses: readonly SyntheticCourse[]): ReportedCaseload[] {
  const held = new Map<string, { municipalityCode: string; caseworkerName: string; courses: number }>();
  let last = "";
  for (const c of courses) {
    if (c.referral.referredAt > last) last = c.referral.referredAt;
    const current = c.caseworkerAssignments.find((a) => a.to === null);
    if (!current || !reportsCaseloads(c.municipalityCode)) continue;
    const key = `${c.municipalityCode}|${current.caseworkerSub}`;
    const row = held.get(key) ?? { municipalityCode: c.municipalityCode, caseworkerName: current.caseworkerName, courses: 0 };
    row.courses += 1;
    held.set(key, row);
  }
  return [...held.entries()].map(([key, row]) => {
    const sub = key.slice(key.indexOf("|") + 1);
    return {
      municipalityCode: row.municipalityCode,
      caseworkerSub: sub,
      caseworkerName: row.caseworkerName,
      totalCaseload: row.courses + 6 + (hashString(`others:${sub}`) % 19),
      reportedAt: last,
    };
  });
}
