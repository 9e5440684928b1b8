import { describe, expect, it } from "vitest";
import { CPR_PATTERN, DEFAULT_UNTIL, generateWorld, PERSONAS, type SyntheticCourse } from "../src/index.ts";
import { courseViolations } from "./invariants.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every value under a key named `id` or ending in `Id` (but not references such as recommendationId). */
function collectIds(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if ((k === "id" || k === "caseId" || k === "reportId") && typeof v === "string") out.push(v);
      else collectIds(v, out);
    }
  }
}

describe("determinism", () => {
  it("same options give a deep-equal world", () => {
    expect(generateWorld({ seed: 11, courses: 200 })).toEqual(generateWorld({ seed: 11, courses: 200 }));
  });

  it("another seed gives another world", () => {
    const a = generateWorld({ seed: 11, courses: 50 });
    const b = generateWorld({ seed: 12, courses: 50 });
    expect(a.courses.map((c) => c.caseId)).not.toEqual(b.courses.map((c) => c.caseId));
    expect(a.courses.map((c) => c.child.cpr)).not.toEqual(b.courses.map((c) => c.child.cpr));
  });

  it("does not depend on the clock or Math.random", () => {
    const before = generateWorld({ seed: 5, courses: 20 });
    const random = Math.random;
    Math.random = () => 0.5;
    try {
      expect(generateWorld({ seed: 5, courses: 20 })).toEqual(before);
    } finally {
      Math.random = random;
    }
  });
});

describe("a world of 2,000 courses", () => {
  const world = generateWorld({ seed: 2026, courses: 2000 });
  const courses = world.courses;

  it("has 98 municipalities and the personas", () => {
    expect(world.municipalities).toHaveLength(98);
    expect(world.personas).toHaveLength(PERSONAS.length);
    expect(world.seed).toBe(2026);
  });

  it("has unique UUIDs everywhere", () => {
    const ids: string[] = [];
    collectIds(courses, ids);
    expect(ids.length).toBeGreaterThan(2000 * 20);
    expect(ids.filter((id) => !UUID.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the date order and the flow in every course", () => {
    const violations = courses.flatMap((c) => courseViolations(c, DEFAULT_UNTIL));
    expect(violations.slice(0, 20)).toEqual([]);
  });

  it("spreads referrals over about a year before until, oldest first", () => {
    const dates = courses.map((c) => Date.parse(c.course.referralReceivedAt));
    const untilMs = Date.parse(DEFAULT_UNTIL);
    expect(dates.every((d, i) => i === 0 || d >= (dates[i - 1] as number))).toBe(true);
    expect(Math.max(...dates)).toBeLessThanOrEqual(untilMs);
    const years = (untilMs - Math.min(...dates)) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(0.95);
    expect(years).toBeLessThan(1.05);
  });

  it("gives synthetic CPR numbers: DDMMYY-SSSS with DD = birth day + 60, unique", () => {
    for (const c of courses) {
      const m = CPR_PATTERN.exec(c.child.cpr);
      expect(m).not.toBeNull();
      const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
      const [year, month, day] = c.child.birthDate.split("-") as [string, string, string];
      expect(Number(dd)).toBe(Number(day) + 60);
      expect(Number(dd)).toBeGreaterThanOrEqual(61);
      expect(Number(dd)).toBeLessThanOrEqual(91);
      expect(mm).toBe(month);
      expect(yy).toBe(year.slice(2));
      expect(Number(serial.slice(-1)) % 2).toBe(c.child.gender === "BOY" ? 1 : 0);
    }
    expect(new Set(courses.map((c) => c.child.cpr)).size).toBe(courses.length);
  });

  it("states the child's age at referral exactly", () => {
    for (const c of courses) {
      const birth = new Date(c.child.birthDate);
      const ref = new Date(c.course.referralReceivedAt);
      let age = ref.getUTCFullYear() - birth.getUTCFullYear();
      if (ref.getUTCMonth() < birth.getUTCMonth() || (ref.getUTCMonth() === birth.getUTCMonth() && ref.getUTCDate() < birth.getUTCDate()))
        age--;
      expect(age).toBe(c.course.childAgeAtReferral);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(17);
    }
  });

  it("involves the right sectors as participants", () => {
    for (const c of courses) {
      const roles = new Set(c.participants.map((p) => `${p.sector}:${p.role}`));
      expect(roles).toContain("MUNICIPALITY:caseworker");
      expect(roles).toContain("BOERNEHUS:coordinator");
      expect(roles).toContain("BOERNEHUS:psychologist");
      expect(roles.has("POLICE:investigator")).toBe(c.police !== null);
      expect(roles.has("HEALTH:physician")).toBe(c.medicalExaminations.length > 0);
      for (const p of c.participants) {
        if (p.sector === "MUNICIPALITY") expect(p.organisation).toBe(c.municipalityCode);
        if (p.sector === "BOERNEHUS") expect(p.organisation).toBe(c.region);
      }
      expect(c.police === null || c.police.district.length > 0).toBe(true);
      // Without the police, health is the other sector.
      expect(c.referral.otherSectorInvolved).toBe(true);
    }
  });

  it("reaches every stage of the flow", () => {
    const statuses = new Set(courses.map((c) => c.course.status));
    expect(statuses).toEqual(new Set(["REFERRED", "ACTIVE", "FINAL_NOTE", "CLOSED"]));
    const recent = courses.slice(-50);
    expect(recent.every((c: SyntheticCourse) => c.course.status !== "CLOSED" || c.course.type === "SAMRAAD_ONLY")).toBe(true);
    expect(recent.every((c) => c.finalNote === null || c.finalNote.sentAt === null)).toBe(true);
    const old = courses.slice(0, 500);
    expect(old.filter((c) => c.course.status === "CLOSED").length).toBeGreaterThan(450);
  });
});

describe("the demo world (300 courses)", () => {
  const world = generateWorld({ courses: 300 });

  it("has a good share of courses in København, where the personas work", () => {
    const kbh = world.courses.filter((c) => c.municipalityCode === "0101");
    expect(kbh.length).toBeGreaterThanOrEqual(30);
    for (const c of kbh) {
      expect(c.region).toBe("HOVEDSTADEN");
      const current = c.caseworkerAssignments.at(-1);
      expect(current?.caseworkerSub).toBe("persona:caseworker-kbh");
      const subs = c.participants.map((p) => p.sub);
      expect(subs).toContain("persona:coordinator-hovedstaden");
      expect(subs).toContain("persona:psychologist-hovedstaden");
      if (c.police) expect(subs).toContain("persona:investigator-kbh");
    }
  });

  it("gives every participating persona cases, and caseworker-frb none in København", () => {
    const subsOf = (sub: string) => world.courses.filter((c) => c.participants.some((p) => p.sub === sub));
    for (const id of [
      "caseworker-kbh",
      "caseworker-frb",
      "investigator-kbh",
      "physician-rh",
      "coordinator-hovedstaden",
      "psychologist-hovedstaden",
    ]) {
      expect(subsOf(`persona:${id}`).length, id).toBeGreaterThan(0);
    }
    expect(subsOf("persona:caseworker-frb").every((c) => c.municipalityCode === "0147")).toBe(true);
    expect(subsOf("persona:caseworker-kbh").every((c) => c.municipalityCode === "0101")).toBe(true);
  });

  it("uses synthetic staff elsewhere", () => {
    const aarhus = world.courses.find((c) => c.municipalityCode === "0751");
    expect(aarhus?.caseworkerAssignments[0]?.caseworkerSub).toMatch(/^staff:0751:cw:\d+$/);
  });
});
