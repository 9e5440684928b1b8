import type { Principal } from "@samraad/access";
import { describe, expect, it } from "vitest";
import type { CaseParticipantRow, CaseRow } from "../src/data/rows.ts";
import { consultationReminders } from "../src/domain/alerts.ts";
import { assertMayRecordConsultation } from "../src/domain/consultation.ts";

const NOW = new Date("2026-05-01T10:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const refusal = (extensions: Record<string, string>) => expect.objectContaining({ extensions: expect.objectContaining(extensions) });

const course = (over: Partial<CaseRow> = {}) =>
  ({
    id: "case-1",
    region: "HOVEDSTADEN",
    municipalityCode: "0101",
    status: "ACTIVE",
    referralReceivedAt: daysAgo(100),
    closedAt: null,
    ...over,
  }) as CaseRow;
const participant = (sub: string, sector: string, organisation: string) => ({ sub, sector, organisation }) as CaseParticipantRow;
const PARTICIPANTS = [
  participant("cw", "MUNICIPALITY", "0101"),
  participant("coord", "BOERNEHUS", "HOVEDSTADEN"),
  participant("inv", "POLICE", "KBH"),
  participant("phys", "HEALTH", "REGION_H"),
];

describe("CONSULTATION_OVERDUE: an open course without sparring for the configured weeks", () => {
  const quiet = (lastConsultationAt: Date | null, over: Partial<CaseRow> = {}) => [
    { ...course(over), lastConsultationAt, participants: PARTICIPANTS },
  ];

  it("reminds the municipality's and the børnehus's participants once the weeks have passed since the last consultation", () => {
    const drafts = consultationReminders(quiet(daysAgo(28)), 4, NOW);
    expect(drafts.map((d) => [d.recipient, d.sector, d.organisation])).toEqual([
      [{ sub: "cw" }, "MUNICIPALITY", "0101"],
      [{ sub: "coord" }, "BOERNEHUS", "HOVEDSTADEN"],
    ]);
    expect(drafts[0]).toMatchObject({
      kind: "CONSULTATION_OVERDUE",
      caseId: "case-1",
      dueAt: NOW,
      subjectId: `case-1:${daysAgo(28).toISOString()}`,
    });
  });

  it("not before the weeks have passed, not for a closed course; counts from the referral before the first consultation", () => {
    expect(consultationReminders(quiet(daysAgo(27)), 4, NOW)).toEqual([]);
    expect(consultationReminders(quiet(daysAgo(60), { status: "CLOSED", closedAt: daysAgo(1) }), 4, NOW)).toEqual([]);
    expect(consultationReminders(quiet(null, { referralReceivedAt: daysAgo(20) }), 4, NOW)).toEqual([]);
    expect(consultationReminders(quiet(null, { referralReceivedAt: daysAgo(20) }), 2, NOW)).toHaveLength(2);
  });

  it("a new consultation starts a new quiet spell: a new subject, so the next reminder is not the same alert", () => {
    const first = consultationReminders(quiet(daysAgo(40)), 4, NOW)[0];
    const later = consultationReminders(quiet(daysAgo(29)), 4, NOW)[0];
    expect(first?.subjectId).not.toBe(later?.subjectId);
  });
});

describe("who records a consultation", () => {
  const person = (sector: Principal["sector"], organisation: string, roles: string[] = ["caseworker"]): Principal =>
    ({ sub: "p", name: "Syntetisk", sector, organisation, roles }) as Principal;

  it("the case's municipality, with the børnehus or the police", () => {
    expect(() => assertMayRecordConsultation(person("MUNICIPALITY", "0101"), course(), "PARTICIPANT", "BOERNEHUS")).not.toThrow();
    expect(() => assertMayRecordConsultation(person("MUNICIPALITY", "0101", ["leader"]), course(), "ORGANISATION", "POLICE")).not.toThrow();
    expect(() => assertMayRecordConsultation(person("MUNICIPALITY", "0101"), course(), "PARTICIPANT", "HEALTH")).toThrow(
      refusal({ field: "withSector" }),
    );
  });

  it("the børnehus that runs the course, with itself only", () => {
    expect(() =>
      assertMayRecordConsultation(person("BOERNEHUS", "HOVEDSTADEN", ["coordinator"]), course(), "PARTICIPANT", "BOERNEHUS"),
    ).not.toThrow();
    expect(() =>
      assertMayRecordConsultation(person("BOERNEHUS", "HOVEDSTADEN", ["coordinator"]), course(), "PARTICIPANT", "POLICE"),
    ).toThrow(refusal({ field: "withSector" }));
  });

  it("never the police, health care, another municipality or another børnehus", () => {
    for (const p of [
      person("POLICE", "KBH"),
      person("HEALTH", "REGION_H"),
      person("MUNICIPALITY", "0147"),
      person("BOERNEHUS", "SYDDANMARK"),
    ]) {
      expect(() => assertMayRecordConsultation(p, course(), null, "BOERNEHUS"), p.sector).toThrow(refusal({ code: "FORBIDDEN" }));
    }
  });
});
