import type { Principal } from "@samraad/access";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asParticipant, coordinator, type Harness, investigator, leaderOf, M, physician, startBoernehus, steps } from "./support.ts";

/**
 * A leader is told of the cases her organisation's people take part in that she may not
 * open (issue #5), with the reason; the subgraph decides it from its own rows. The stack
 * test (tests/access/restrictedCases.test.ts) covers the personas through the gateway.
 */
let h: Harness;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  h = await startBoernehus();
  s = steps(h);
});
afterAll(async () => h?.stop());

const DAY = 86_400_000;
const leaderPoliceKbh = leaderOf("POLICE", "KBH");
const leaderPoliceFyn = leaderOf("POLICE", "FYN");
const leaderHealthH = leaderOf("HEALTH", "REGION_H");
const leader0147 = leaderOf("MUNICIPALITY", "0147");
const RESTRICTED = `query($first: Int) { myRestrictedCases(first: $first) { id region referralReceivedOn reason } }`;

async function restricted(principal: Principal, first = 500) {
  return h.ok<Array<{ id: string; region: string; referralReceivedOn: string; reason: string }>>(principal, RESTRICTED, { first });
}

/** A course (0101, Hovedstaden) in which a Copenhagen investigator takes part. */
async function withKbhPolice(overrides: Record<string, unknown> = {}): Promise<string> {
  const caseId = await s.register(overrides);
  await h.ok(coordinator, M.addParticipant, { input: { caseId, ...asParticipant(investigator) } });
  return caseId;
}

describe("restricted cases in the børnehus subgraph", () => {
  it("tells the police leader of her people's case, with its børnehus and referral date (Danish time), and nothing else", async () => {
    // 23:30 UTC on 1 March is 2 March in Denmark.
    const caseId = await withKbhPolice({ referralReceivedAt: "2026-03-01T23:30:00.000Z" });
    const rows = await restricted(leaderPoliceKbh);
    expect(rows).toContainEqual({ id: caseId, region: "HOVEDSTADEN", referralReceivedOn: "2026-03-02", reason: "NOT_A_PARTICIPANT" });
    // Other organisations' leaders are told nothing of it.
    expect((await restricted(leaderPoliceFyn)).map((r) => r.id)).not.toContain(caseId);
    expect((await restricted(leaderHealthH)).map((r) => r.id)).not.toContain(caseId);
    // People who are not leaders are told of nothing at all.
    await expect(restricted(investigator)).resolves.toEqual([]);
    await expect(restricted(physician)).resolves.toEqual([]);
  });

  it("says PARTICIPATION_ENDED when the leader took part but the course closed before the grace period", async () => {
    const caseId = await withKbhPolice();
    await h.ok(coordinator, M.addParticipant, { input: { caseId, ...asParticipant(leaderPoliceKbh) } });
    expect((await restricted(leaderPoliceKbh)).map((r) => r.id)).not.toContain(caseId);
    // Closed 10 days ago: still hers (grace period 30 days).
    await h.db.boernehusCase.update({ where: { id: caseId }, data: { status: "CLOSED", closedAt: new Date(Date.now() - 10 * DAY) } });
    expect((await restricted(leaderPoliceKbh)).map((r) => r.id)).not.toContain(caseId);
    await h.db.boernehusCase.update({ where: { id: caseId }, data: { closedAt: new Date(Date.now() - 40 * DAY) } });
    expect((await restricted(leaderPoliceKbh)).find((r) => r.id === caseId)?.reason).toBe("PARTICIPATION_ENDED");
  });

  it("leaves out a case while the leader's emergency access lasts, and lists it again when it has expired", async () => {
    const caseId = await withKbhPolice();
    const opened = await h.call(
      leaderPoliceKbh,
      `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id myAccess { basis } } }`,
      { input: { caseId, reason: "Akut anholdelse, sigtede nævner barnet ved navn" } },
    );
    expect(opened.body.errors).toBeUndefined();
    expect((await restricted(leaderPoliceKbh)).map((r) => r.id)).not.toContain(caseId);
    await h.db.emergencyAccess.updateMany({ where: { caseId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await restricted(leaderPoliceKbh)).find((r) => r.id === caseId)?.reason).toBe("NOT_A_PARTICIPANT");
  });

  it("tells a municipal leader of her caseworker's part in another municipality's case, never of her own (she opens those)", async () => {
    const caseworker0147: Principal = {
      sub: "persona:test-caseworker-0147-restricted",
      name: "Test Rådgiver Frederiksberg",
      sector: "MUNICIPALITY",
      organisation: "0147",
      roles: ["caseworker"],
    };
    const other = await s.register(); // 0101's case
    // Frederiksberg does not serve a Copenhagen case, so the coordinator cannot invite her (issue 20):
    // her part is one from before the child moved, written as such.
    await h.db.caseParticipant.create({
      data: {
        caseId: other,
        sub: caseworker0147.sub,
        name: caseworker0147.name,
        sector: "MUNICIPALITY",
        organisation: "0147",
        role: "caseworker",
      },
    });
    const own = await s.register({ municipalityCode: "0147" });
    await h.ok(coordinator, M.addParticipant, { input: { caseId: own, ...asParticipant(caseworker0147) } });
    const ids = (await restricted(leader0147)).map((r) => r.id);
    expect(ids).toContain(other);
    expect(ids).not.toContain(own);
  });

  it("caps `first` at 500 and refuses less than 1, like the case list", async () => {
    await withKbhPolice();
    await withKbhPolice();
    expect(await restricted(leaderPoliceKbh, 1)).toHaveLength(1);
    const res = await h.call(leaderPoliceKbh, RESTRICTED, { first: 0 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
