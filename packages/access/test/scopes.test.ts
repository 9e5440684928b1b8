import { describe, expect, it } from "vitest";
import { type Principal, SCOPES, scopesFor } from "../src/index.ts";

const p = (sector: Principal["sector"], roles: Principal["roles"], organisation = "X"): Principal => ({
  sub: "s",
  name: "n",
  sector,
  organisation,
  roles,
});

describe("scopesFor", () => {
  it("gives each sector its own internal scope and no other sector's", () => {
    expect(scopesFor(p("POLICE", ["investigator"]))).toContain(SCOPES.policeInternal);
    expect(scopesFor(p("POLICE", ["investigator"]))).not.toContain(SCOPES.healthInternal);
    expect(scopesFor(p("HEALTH", ["physician"]))).not.toContain(SCOPES.policeInternal);
    expect(scopesFor(p("MUNICIPALITY", ["caseworker"]))).not.toContain(SCOPES.boernehusInternal);
  });

  it("grants the medical findings summary to health, the børnehus and the police investigator only", () => {
    expect(scopesFor(p("POLICE", ["investigator"]))).toContain(SCOPES.findingsSummary);
    expect(scopesFor(p("POLICE", ["leader"]))).not.toContain(SCOPES.findingsSummary);
    expect(scopesFor(p("BOERNEHUS", ["coordinator"]))).toContain(SCOPES.findingsSummary);
    expect(scopesFor(p("MUNICIPALITY", ["caseworker"]))).not.toContain(SCOPES.findingsSummary);
  });

  it("grants the final note's full text to the børnehus and the municipality only", () => {
    expect(scopesFor(p("MUNICIPALITY", ["caseworker"]))).toContain(SCOPES.finalNoteText);
    expect(scopesFor(p("POLICE", ["investigator"]))).not.toContain(SCOPES.finalNoteText);
    expect(scopesFor(p("HEALTH", ["physician"]))).not.toContain(SCOPES.finalNoteText);
  });

  it("grants the family's motivation to the børnehus and the municipality only, never the police, health care or the analyst", () => {
    expect(scopesFor(p("MUNICIPALITY", ["caseworker"]))).toContain(SCOPES.familyMotivation);
    expect(scopesFor(p("BOERNEHUS", ["coordinator"]))).toContain(SCOPES.familyMotivation);
    expect(scopesFor(p("POLICE", ["investigator"]))).not.toContain(SCOPES.familyMotivation);
    expect(scopesFor(p("HEALTH", ["physician"]))).not.toContain(SCOPES.familyMotivation);
    expect(scopesFor(p("NATIONAL", ["analyst"]))).not.toContain(SCOPES.familyMotivation);
  });

  it("gives the national analyst statistics and nothing else", () => {
    expect(scopesFor(p("NATIONAL", ["analyst"]))).toEqual([SCOPES.statistics]);
  });

  it("gives the statistics extraction to the national system client only", () => {
    expect(scopesFor(p("NATIONAL", ["system"]))).toEqual([SCOPES.statisticsExtract]);
    for (const sector of ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS"] as const)
      for (const role of ["system", "leader", "caseworker"] as const)
        expect(scopesFor(p(sector, [role]))).not.toContain(SCOPES.statisticsExtract);
    expect(scopesFor(p("NATIONAL", ["analyst"]))).not.toContain(SCOPES.statisticsExtract);
  });

  it("gives a data protection officer the audit trail but no case data", () => {
    expect(scopesFor(p("MUNICIPALITY", ["dpo"]))).toEqual([SCOPES.auditRead]);
  });
});
