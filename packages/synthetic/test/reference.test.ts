import { ROLES, SECTORS } from "@samraad/access";
import { describe, expect, it } from "vitest";
import {
  CHILDRENS_HOUSES,
  HEALTH_REGIONS,
  listStaff,
  MUNICIPALITIES,
  municipalityByCode,
  PERSONAS,
  POLICE_DISTRICTS,
  personaById,
  policeDistrictFor,
  REGIONS,
  staffMember,
} from "../src/index.ts";

describe("municipalities", () => {
  it("are the 98 municipalities with unique four-digit codes in five regions", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.children).toBeGreaterThan(0);
    }
    expect(new Set(MUNICIPALITIES.map((m) => m.region))).toEqual(new Set(REGIONS));
    expect(REGIONS).toHaveLength(5);
  });

  it("have the official codes", () => {
    expect(municipalityByCode("0101")?.name).toBe("København");
    expect(municipalityByCode("0147")?.name).toBe("Frederiksberg");
    expect(municipalityByCode("0751")?.name).toBe("Aarhus");
    expect(municipalityByCode("0851")?.name).toBe("Aalborg");
    expect(municipalityByCode("0461")?.name).toBe("Odense");
    expect(municipalityByCode("0400")?.region).toBe("HOVEDSTADEN");
  });

  it("have roughly the country's 1.1-1.2 million children", () => {
    const total = MUNICIPALITIES.reduce((s, m) => s + m.children, 0);
    expect(total).toBeGreaterThan(1_050_000);
    expect(total).toBeLessThan(1_250_000);
  });
});

describe("organisations", () => {
  it("every municipality lies in exactly one of 12 police districts", () => {
    expect(POLICE_DISTRICTS).toHaveLength(12);
    const all = POLICE_DISTRICTS.flatMap((d) => d.municipalityCodes);
    expect(all).toHaveLength(98);
    expect(new Set(all)).toEqual(new Set(MUNICIPALITIES.map((m) => m.code)));
    expect(policeDistrictFor("0101").code).toBe("KBH");
    for (const d of POLICE_DISTRICTS) expect(d.code).toMatch(/^[A-Z]+$/);
  });

  it("has one health region and one børnehus per region", () => {
    expect(HEALTH_REGIONS.map((h) => h.region).sort()).toEqual([...REGIONS].sort());
    expect(CHILDRENS_HOUSES.map((h) => h.region).sort()).toEqual([...REGIONS].sort());
    expect(CHILDRENS_HOUSES.find((h) => h.region === "HOVEDSTADEN")).toMatchObject({ name: "Børnehus Hovedstaden", city: "København" });
  });
});

describe("personas", () => {
  const expected: Array<[string, string, string, string]> = [
    ["caseworker-kbh", "MUNICIPALITY", "0101", "caseworker"],
    ["caseworker-frb", "MUNICIPALITY", "0147", "caseworker"],
    ["leader-kbh", "MUNICIPALITY", "0101", "leader"],
    ["investigator-kbh", "POLICE", "KBH", "investigator"],
    ["leader-police-kbh", "POLICE", "KBH", "leader"],
    ["physician-rh", "HEALTH", "REGION_H", "physician"],
    ["leader-health-rh", "HEALTH", "REGION_H", "leader"],
    ["coordinator-hovedstaden", "BOERNEHUS", "HOVEDSTADEN", "coordinator"],
    ["psychologist-hovedstaden", "BOERNEHUS", "HOVEDSTADEN", "psychologist"],
    ["leader-boernehus-hovedstaden", "BOERNEHUS", "HOVEDSTADEN", "leader"],
    ["analyst-national", "NATIONAL", "SBST", "analyst"],
    ["dpo-kbh", "MUNICIPALITY", "0101", "dpo"],
    ["system-kbh", "MUNICIPALITY", "0101", "system"],
    ["system-police-kbh", "POLICE", "KBH", "system"],
    ["system-rh", "HEALTH", "REGION_H", "system"],
  ];

  it.each(expected)("%s is %s / %s / %s", (id, sector, organisation, role) => {
    const p = personaById(id);
    expect(p).toMatchObject({ id, sub: `persona:${id}`, sector, organisation, roles: [role] });
    expect(p?.title.length).toBeGreaterThan(5);
  });

  it("cover every sector and every role, with unique ids and subs", () => {
    expect(new Set(PERSONAS.map((p) => p.sector))).toEqual(new Set(SECTORS));
    // The role "respondent" is the gateway's not-signed-in survey respondent, never a persona.
    expect(new Set(PERSONAS.flatMap((p) => p.roles))).toEqual(new Set(ROLES.filter((r) => r !== "respondent")));
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length);
    expect(new Set(PERSONAS.map((p) => p.sub)).size).toBe(PERSONAS.length);
  });
});

describe("staff", () => {
  it("has stable subs and names per organisation", () => {
    const a = staffMember("cw", "0751", 3);
    expect(a).toMatchObject({ sub: "staff:0751:cw:3", sector: "MUNICIPALITY", organisation: "0751", role: "caseworker" });
    expect(staffMember("cw", "0751", 3).name).toBe(a.name);
    const staff = listStaff();
    expect(new Set(staff.map((s) => s.sub)).size).toBe(staff.length);
    expect(new Set(staff.map((s) => s.organisation))).toContain("KBH");
    expect(new Set(staff.map((s) => s.organisation))).toContain("REGION_N");
  });
});
