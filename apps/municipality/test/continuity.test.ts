import type { Principal } from "@samraad/access";
import { describe, expect, it } from "vitest";
import type { CaseworkerAssignmentRow } from "../src/data/rows.ts";
import { caseworkerChangedAlerts } from "../src/domain/alerts.ts";
import { assertMayReadCaseloads, caseloadFigures, guidelineOf, validateCaseloadReport } from "../src/domain/caseload.ts";
import { assertMayAssign } from "../src/domain/caseworker.ts";

/** A typed GraphQL error carrying these extensions. */
const refusal = (extensions: Record<string, string>) => expect.objectContaining({ extensions: expect.objectContaining(extensions) });
const NOW = new Date("2026-05-01T10:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const person = (roles: string[], organisation = "0101", sector: Principal["sector"] = "MUNICIPALITY"): Principal => ({
  sub: `persona:${roles[0]}`,
  name: "Syntetisk",
  sector,
  organisation,
  roles: roles as Principal["roles"],
});
const assignment = (caseId: string, from: Date, id = `${caseId}-a`): CaseworkerAssignmentRow => ({
  id,
  caseId,
  caseworkerSub: "cw-b",
  caseworkerName: "Rådgiver B",
  from,
  to: null,
  createdAt: from,
});

describe("CASEWORKER_CHANGED: a change while the course is open, for the municipality's leaders", () => {
  const change = (caseId: string, from: Date) => ({ assignment: assignment(caseId, from), municipalityCode: "0101" });

  it("fires for an open course and one closed after the change; not for one closed before, nor an unknown course", () => {
    const drafts = caseworkerChangedAlerts(
      [change("open", daysAgo(2)), change("closedLater", daysAgo(2)), change("closedBefore", daysAgo(2)), change("unknown", daysAgo(2))],
      [
        { caseId: "open", closedAt: null },
        { caseId: "closedLater", closedAt: daysAgo(1) },
        { caseId: "closedBefore", closedAt: daysAgo(3) },
      ],
      NOW,
    );
    expect(drafts.map((d) => d.caseId)).toEqual(["open", "closedLater"]);
    expect(drafts[0]).toEqual({
      kind: "CASEWORKER_CHANGED",
      caseId: "open",
      subjectId: "open-a",
      dueAt: daysAgo(2),
      sector: "MUNICIPALITY",
      organisation: "0101",
      recipient: { roles: ["leader"] },
    });
  });

  it("leaves out a change older than the look-back, and one in the future", () => {
    const statuses = [{ caseId: "x", closedAt: null }];
    expect(caseworkerChangedAlerts([change("x", daysAgo(31))], statuses, NOW)).toEqual([]);
    expect(caseworkerChangedAlerts([change("x", new Date(NOW.getTime() + 60_000))], statuses, NOW)).toEqual([]);
    expect(caseworkerChangedAlerts([change("x", daysAgo(30))], statuses, NOW)).toHaveLength(1);
  });
});

describe("who assigns a caseworker", () => {
  it("anyone of the municipality assigns the first; only a leader or the system changes a current one", () => {
    const current = assignment("c", daysAgo(10));
    expect(() => assertMayAssign(person(["caseworker"]), null)).not.toThrow();
    expect(() => assertMayAssign(person(["caseworker"]), current)).toThrow(refusal({ code: "FORBIDDEN" }));
    expect(() => assertMayAssign(person(["leader"]), current)).not.toThrow();
    expect(() => assertMayAssign(person(["system"]), current)).not.toThrow();
  });
});

describe("caseload per caseworker against the 20-25 guideline", () => {
  it("places a caseload below, within and above the guideline at its edges", () => {
    expect([19, 20, 25, 26].map(guidelineOf)).toEqual(["BELOW", "WITHIN", "WITHIN", "ABOVE"]);
  });

  it("counts current assignments and take-overs per caseworker, uses the reported total where there is one, most loaded first", () => {
    const current = [
      ...Array.from({ length: 3 }, (_, i) => ({ caseworkerSub: "a", caseworkerName: "Anna", takenOver: i === 0 })),
      ...Array.from({ length: 2 }, () => ({ caseworkerSub: "b", caseworkerName: "Bo", takenOver: false })),
    ];
    const reports = [
      { caseworkerSub: "b", caseworkerName: "Bo", totalCaseload: 24, reportedAt: daysAgo(1) },
      { caseworkerSub: "c", caseworkerName: "Cecilie", totalCaseload: 31, reportedAt: daysAgo(1) },
    ];
    expect(caseloadFigures(current, reports)).toEqual([
      {
        caseworkerSub: "c",
        caseworkerName: "Cecilie",
        boernehusCourses: 0,
        takenOver: 0,
        totalCaseload: 31,
        totalCaseloadReportedAt: daysAgo(1),
        guideline: "ABOVE",
      },
      {
        caseworkerSub: "b",
        caseworkerName: "Bo",
        boernehusCourses: 2,
        takenOver: 0,
        totalCaseload: 24,
        totalCaseloadReportedAt: daysAgo(1),
        guideline: "WITHIN",
      },
      {
        caseworkerSub: "a",
        caseworkerName: "Anna",
        boernehusCourses: 3,
        takenOver: 1,
        totalCaseload: null,
        totalCaseloadReportedAt: null,
        guideline: "BELOW",
      },
    ]);
  });

  it("figures about named caseworkers: the municipality's own leaders and system only", () => {
    expect(assertMayReadCaseloads(person(["leader"]))).toBe("0101");
    expect(assertMayReadCaseloads(person(["system"], "0147"))).toBe("0147");
    for (const p of [
      person(["caseworker"]),
      person(["dpo"]),
      person(["leader"], "HOVEDSTADEN", "BOERNEHUS"),
      person(["analyst"], "SBST", "NATIONAL"),
    ]) {
      expect(() => assertMayReadCaseloads(p), p.roles[0]).toThrow(refusal({ code: "FORBIDDEN" }));
    }
  });

  it("refuses a reported caseload that is not a whole number from 0 to 500, or dated in the future", () => {
    const report = { caseworkerSub: "a", caseworkerName: "Anna", totalCaseload: 22, reportedAt: daysAgo(1) };
    expect(validateCaseloadReport(report, NOW).totalCaseload).toBe(22);
    for (const totalCaseload of [-1, 501, 2.5]) {
      expect(() => validateCaseloadReport({ ...report, totalCaseload }, NOW)).toThrow(refusal({ field: "totalCaseload" }));
    }
    expect(() => validateCaseloadReport({ ...report, reportedAt: new Date(NOW.getTime() + 3_600_000) }, NOW)).toThrow(
      refusal({ field: "reportedAt" }),
    );
  });
});
