import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, ok } from "../support/responses.ts";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 20: the referral hand-off, end to end through the gateway (docs/access-model.md, "The
 * referral hand-off"), and the custody holder's objection enforced on the police's booking. Each
 * block names what failed before: the børnehus got nothing, the referring caseworker got NOT_FOUND
 * on her own referral's case, and "Samtykke givet" booked an interview despite a recorded objection.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
}, 600_000);
afterAll(async () => stack?.stop());

const Q = {
  register: `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
  decide: `mutation($input: DecideChildAssessmentInput!) { decideChildAssessment(input: $input) { id } }`,
  holder: `mutation($input: AddCustodyHolderInput!) { addCustodyHolder(input: $input) { id } }`,
  objection: `mutation($input: RecordVideoInterviewObjectionInput!) { recordVideoInterviewObjection(input: $input) { id objectsToVideoInterview } }`,
  refer: `mutation($input: ReferToBoernehusInput!) { referToBoernehus(input: $input) { id caseId handoverStatus } }`,
  queue: `{ incomingReferrals { id caseId boernehusRegion handoverStatus childAgeAtReferral abuseTypes referredByName child { firstName } } }`,
  referral: `query($id: ID!) { referral(id: $id) { id handoverStatus acknowledgedByName courseRegisteredAt registrationStatement } }`,
  acknowledge: `mutation($id: ID!) { acknowledgeReferral(referralId: $id) { id handoverStatus acknowledgedAt acknowledgedByName } }`,
  registerCourse: `mutation($input: RegisterCourseFromReferralInput!) { registerCourseFromReferral(input: $input) { referralId receipt case { id region municipalityCode status childAgeAtReferral abuseTypes participants { sub sector organisation role } } } }`,
  recordRegistered: `mutation($input: RecordCourseRegisteredInput!) { recordCourseRegistered(input: $input) { id handoverStatus courseRegisteredAt } }`,
  caseView: `query($id: ID!) { boernehusCase(id: $id) { id status myAccess { basis } referral { id handoverStatus } } }`,
  addParticipant: `mutation($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id } }`,
  grants: `query($id: ID!) { boernehusCase(id: $id) { writeGrant custodyStatement child { videoInterviewObjection } } }`,
  fileReport: `mutation($input: FilePoliceReportInput!) { filePoliceReport(input: $input) { id reportedAt } }`,
  book: `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id status custodyObjection objectionOverrideBasis objectionOverrideReason objectionOverriddenBy } }`,
};

let serial = 0;
/** A new Copenhagen child with a decided BFU and one custody holder (objecting when asked), referred by Mette Lund. */
async function referChild(region: string, objects = false) {
  const now = stack.clock.now();
  serial += 1;
  const cpr = `1203${String(15).padStart(2, "0")}-${String(9100 + serial).padStart(4, "0")}`;
  const child = ok<{ id: string }>(
    await stack.query("caseworker-kbh", Q.register, {
      input: { cpr, firstName: `Syntetisk${serial}`, lastName: "Barn", birthDate: "2015-03-12", gender: "GIRL", municipalityCode: "0101" },
    }),
    "registerChild",
  );
  const decidedAt = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  ok(await stack.query("caseworker-kbh", Q.decide, { input: { childId: child.id, decidedAt } }), "decideChildAssessment");
  const holder = ok<{ id: string }>(
    await stack.query("caseworker-kbh", Q.holder, {
      input: { childId: child.id, name: "Syntetisk Forælder", relation: "MOTHER", objectsToVideoInterview: objects },
    }),
    "addCustodyHolder",
  );
  const referral = ok<{ id: string; caseId: string; handoverStatus: string }>(
    await stack.query("caseworker-kbh", Q.refer, {
      input: {
        childId: child.id,
        boernehusRegion: region,
        suspicionOrKnowledge: true,
        childAssessmentDecided: true,
        otherSectorInvolved: true,
        abuseTypes: ["PHYSICAL"],
        policeReportFiled: true,
        referredAt: new Date(now.getTime() - 86_400_000).toISOString(),
      },
    }),
    "referToBoernehus",
  );
  expect(referral.handoverStatus).toBe("RECEIVED");
  return { childId: child.id, holderId: holder.id, ...referral };
}

/** Acknowledge, register from the statement, deliver the receipt: the coordinator's three steps. */
async function handOver(referralId: string) {
  ok(await stack.query("coordinator-hovedstaden", Q.acknowledge, { id: referralId }), "acknowledgeReferral");
  const { registrationStatement } = ok<{ registrationStatement: string }>(
    await stack.query("coordinator-hovedstaden", Q.referral, { id: referralId }),
    "referral",
  );
  const registered = ok<{ receipt: string; case: { id: string } }>(
    await stack.query("coordinator-hovedstaden", Q.registerCourse, {
      input: { referralStatement: registrationStatement, type: "FULL_COURSE", burdenLevel: "MODERATE" },
    }),
    "registerCourseFromReferral",
  );
  ok(
    await stack.query("coordinator-hovedstaden", Q.recordRegistered, { input: { referralId, receipt: registered.receipt } }),
    "recordCourseRegistered",
  );
  return registered.case.id;
}

describe("the referral hand-off (issue 20)", () => {
  it("the børnehus sees the referral in its queue, acknowledges it, registers the course from it, and the status flows back", async () => {
    const referral = await referChild("HOVEDSTADEN");
    // Before: the case does not exist for anyone yet (it is not registered).
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.caseView, { id: referral.caseId }))).toBe("NOT_FOUND");

    const queue = ok<Array<{ id: string; handoverStatus: string; childAgeAtReferral: number; referredByName: string }>>(
      await stack.query("coordinator-hovedstaden", Q.queue),
      "incomingReferrals",
    );
    const inQueue = queue.find((r) => r.id === referral.id);
    expect(inQueue).toMatchObject({ handoverStatus: "RECEIVED", childAgeAtReferral: 11, referredByName: "Mette Lund" });
    // The leader of the børnehus has the same queue.
    expect(
      ok<Array<{ id: string }>>(await stack.query("leader-boernehus-hovedstaden", Q.queue), "incomingReferrals").some(
        (r) => r.id === referral.id,
      ),
    ).toBe(true);

    const acknowledged = ok<{ handoverStatus: string; acknowledgedByName: string }>(
      await stack.query("coordinator-hovedstaden", Q.acknowledge, { id: referral.id }),
      "acknowledgeReferral",
    );
    expect(acknowledged).toMatchObject({ handoverStatus: "ACKNOWLEDGED", acknowledgedByName: "Camilla Berg" });
    // The municipality sees the acknowledgement at once.
    expect(ok(await stack.query("caseworker-kbh", Q.referral, { id: referral.id }), "referral")).toMatchObject({
      handoverStatus: "ACKNOWLEDGED",
      acknowledgedByName: "Camilla Berg",
      // The statement is for the receiving børnehus only.
      registrationStatement: null,
    });

    const { registrationStatement } = ok<{ registrationStatement: string }>(
      await stack.query("coordinator-hovedstaden", Q.referral, { id: referral.id }),
      "referral",
    );
    expect(registrationStatement).toMatch(/^ey/);
    const registered = ok<{
      referralId: string;
      receipt: string;
      case: {
        id: string;
        region: string;
        municipalityCode: string;
        childAgeAtReferral: number;
        participants: Array<{ sub: string; role: string }>;
      };
    }>(
      await stack.query("coordinator-hovedstaden", Q.registerCourse, {
        input: { referralStatement: registrationStatement, type: "FULL_COURSE", burdenLevel: "MODERATE" },
      }),
      "registerCourseFromReferral",
    );
    // The course is the referral's: its id, region, municipality and the child's age come from the statement.
    expect(registered.case).toMatchObject({ id: referral.caseId, region: "HOVEDSTADEN", municipalityCode: "0101", childAgeAtReferral: 11 });
    expect(registered.case.participants.map((p) => [p.sub, p.role]).sort()).toEqual([
      ["persona:caseworker-kbh", "caseworker"],
      ["persona:coordinator-hovedstaden", "coordinator"],
    ]);

    // A receipt is this principal's and this referral's: a forged one changes nothing.
    expect(
      codeOf(
        await stack.query("coordinator-hovedstaden", Q.recordRegistered, {
          input: { referralId: referral.id, receipt: `${registered.receipt}x` },
        }),
      ),
    ).toBe("STATEMENT_INVALID");
    expect(ok(await stack.query("caseworker-kbh", Q.referral, { id: referral.id }), "referral")).toMatchObject({
      handoverStatus: "ACKNOWLEDGED",
    });
    expect(
      ok(
        await stack.query("coordinator-hovedstaden", Q.recordRegistered, {
          input: { referralId: referral.id, receipt: registered.receipt },
        }),
        "recordCourseRegistered",
      ),
    ).toMatchObject({ handoverStatus: "COURSE_REGISTERED" });

    // The referring caseworker now sees the case she referred, as a participant, with the status.
    expect(ok(await stack.query("caseworker-kbh", Q.caseView, { id: referral.caseId }), "boernehusCase")).toMatchObject({
      id: referral.caseId,
      status: "REFERRED",
      myAccess: { basis: "PARTICIPANT" },
      referral: { id: referral.id, handoverStatus: "COURSE_REGISTERED" },
    });
    // So do the coordinator (participant) and the børnehus's leader (organisation-wide).
    expect(ok(await stack.query("coordinator-hovedstaden", Q.caseView, { id: referral.caseId }), "boernehusCase")).toMatchObject({
      myAccess: { basis: "PARTICIPANT" },
    });
    expect(ok(await stack.query("leader-boernehus-hovedstaden", Q.caseView, { id: referral.caseId }), "boernehusCase")).toMatchObject({
      myAccess: { basis: "ORGANISATION" },
    });
    // The registered referral has left the queue.
    expect(
      ok<Array<{ id: string }>>(await stack.query("coordinator-hovedstaden", Q.queue), "incomingReferrals").some(
        (r) => r.id === referral.id,
      ),
    ).toBe(false);
    // Registering again (a retry) gives the same course and no second one.
    const again = ok<{ case: { id: string } }>(
      await stack.query("coordinator-hovedstaden", Q.registerCourse, {
        input: { referralStatement: registrationStatement, type: "FULL_COURSE", burdenLevel: "MODERATE" },
      }),
      "registerCourseFromReferral",
    );
    expect(again.case.id).toBe(referral.caseId);
    expect(await stack.subgraphs.boernehus.client.caseParticipant.count({ where: { caseId: referral.caseId } })).toBe(2);
  });

  it("who still cannot: another børnehus, the police, health care, another municipality, a psychologist", async () => {
    const toHovedstaden = await referChild("HOVEDSTADEN");
    const toSjaelland = await referChild("SJAELLAND");
    // Only the receiving børnehus's coordinators and leader have a queue; the others are refused outright.
    for (const persona of [
      "psychologist-hovedstaden",
      "investigator-kbh",
      "leader-police-kbh",
      "physician-rh",
      "caseworker-frb",
      "caseworker-kbh",
      "leader-kbh",
      "analyst-national",
    ]) {
      const res = await stack.query(persona, Q.queue);
      expect(res.data?.incomingReferrals ?? null, persona).toBeNull();
      expect(["FORBIDDEN", "UNAUTHORIZED"], persona).toContain(codeOf(res));
    }
    // Hovedstaden's queue holds no referral addressed to another børnehus.
    const queue = ok<Array<{ id: string; boernehusRegion: string }>>(
      await stack.query("coordinator-hovedstaden", Q.queue),
      "incomingReferrals",
    );
    expect(queue.some((r) => r.id === toHovedstaden.id)).toBe(true);
    expect(queue.some((r) => r.id === toSjaelland.id)).toBe(false);
    expect(queue.every((r) => r.boernehusRegion === "HOVEDSTADEN")).toBe(true);
    // Sjælland's referral, and Hovedstaden's for everyone not of the receiving børnehus, is NOT_FOUND.
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.referral, { id: toSjaelland.id }))).toBe("NOT_FOUND");
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.acknowledge, { id: toSjaelland.id }))).toBe("NOT_FOUND");
    for (const persona of ["investigator-kbh", "physician-rh", "caseworker-frb", "psychologist-hovedstaden"]) {
      expect(codeOf(await stack.query(persona, Q.referral, { id: toHovedstaden.id })), persona).toBe("NOT_FOUND");
      expect(["NOT_FOUND", "UNAUTHORIZED"], persona).toContain(codeOf(await stack.query(persona, Q.acknowledge, { id: toHovedstaden.id })));
    }
    // Nothing changed: neither referral is acknowledged.
    const m = stack.subgraphs.municipality.client;
    expect((await m.referral.findUnique({ where: { id: toHovedstaden.id } }))?.acknowledgedAt).toBeNull();
    expect((await m.referral.findUnique({ where: { id: toSjaelland.id } }))?.acknowledgedAt).toBeNull();

    // A statement is bound to the principal it was signed for: the leader cannot use the coordinator's.
    const { registrationStatement } = ok<{ registrationStatement: string }>(
      await stack.query("coordinator-hovedstaden", Q.referral, { id: toHovedstaden.id }),
      "referral",
    );
    const input = { referralStatement: registrationStatement, type: "FULL_COURSE", burdenLevel: "LOW" };
    expect(codeOf(await stack.query("leader-boernehus-hovedstaden", Q.registerCourse, { input }))).toBe("STATEMENT_INVALID");
    // A statement altered by a client (here: its signature) is refused too.
    const [h, p] = registrationStatement.split(".");
    const forged = `${h}.${p}.${"A".repeat(86)}`;
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.registerCourse, { input: { ...input, referralStatement: forged } }))).toBe(
      "STATEMENT_INVALID",
    );
    // The police and health cannot register at all (field rules), and no course was made.
    expect(codeOf(await stack.query("investigator-kbh", Q.registerCourse, { input }))).toBe("UNAUTHORIZED");
    expect(await stack.subgraphs.boernehus.client.boernehusCase.count({ where: { id: toHovedstaden.caseId } })).toBe(0);
    // Refusals are audited.
    const denied = await m.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM samraad_meta.audit_log WHERE actor_sub = 'persona:coordinator-hovedstaden' AND decision = 'DENIED'`,
    );
    expect(denied[0]?.n).toBeGreaterThan(0);
  });
});

describe("the custody holder's objection is enforced (issue 20)", () => {
  it("a booking on a case with a recorded objection is refused, whatever the client says, unless overridden with legal basis and reason", async () => {
    const referral = await referChild("HOVEDSTADEN", true);
    const caseId = await handOver(referral.id);
    ok(
      await stack.query("coordinator-hovedstaden", Q.addParticipant, {
        input: {
          caseId,
          sub: "persona:investigator-kbh",
          name: "Jonas Vestergaard",
          sector: "POLICE",
          organisation: "KBH",
          role: "investigator",
        },
      }),
      "addCaseParticipant",
    );
    const grants = ok<{ writeGrant: string; custodyStatement: string; child: { videoInterviewObjection: boolean } }>(
      await stack.query("investigator-kbh", Q.grants, { id: caseId }),
      "boernehusCase",
    );
    expect(grants.child.videoInterviewObjection).toBe(true);
    const now = stack.clock.now();
    const report = ok<{ id: string }>(
      await stack.query("investigator-kbh", Q.fileReport, {
        input: {
          caseId,
          caseGrant: grants.writeGrant,
          journalNumber: "0100-70000-09999-26",
          district: "KBH",
          reportedAt: now.toISOString(),
        },
      }),
      "filePoliceReport",
    );
    const scheduledAt = new Date(now.getTime() + 3 * 86_400_000).toISOString();
    const base = { policeReportId: report.id, scheduledAt, custodyConsent: "GIVEN" };
    const interviews = () => stack.subgraphs.police.client.videoInterview.count({ where: { policeReportId: report.id } });

    // "Samtykke givet" from the client does not count: the municipality's statement says there is an objection.
    const refused = await stack.query("investigator-kbh", Q.book, { input: { ...base, custodyStatement: grants.custodyStatement } });
    expect(codeOf(refused)).toBe("CUSTODY_OBJECTION");
    // Without the statement, or with a statement for another case, nothing is booked either.
    expect(codeOf(await stack.query("investigator-kbh", Q.book, { input: base }))).toBe("STATEMENT_INVALID");
    const other = await referChild("HOVEDSTADEN", false);
    const otherCase = await handOver(other.id);
    ok(
      await stack.query("coordinator-hovedstaden", Q.addParticipant, {
        input: {
          caseId: otherCase,
          sub: "persona:investigator-kbh",
          name: "Jonas Vestergaard",
          sector: "POLICE",
          organisation: "KBH",
          role: "investigator",
        },
      }),
      "addCaseParticipant",
    );
    const otherStatement = ok<{ custodyStatement: string }>(
      await stack.query("investigator-kbh", Q.grants, { id: otherCase }),
      "boernehusCase",
    ).custodyStatement;
    expect(codeOf(await stack.query("investigator-kbh", Q.book, { input: { ...base, custodyStatement: otherStatement } }))).toBe(
      "STATEMENT_INVALID",
    );
    // An override needs a real reason.
    const short = await stack.query("investigator-kbh", Q.book, {
      input: {
        ...base,
        custodyStatement: grants.custodyStatement,
        objectionOverride: { legalBasis: "OBJECTOR_IS_SUSPECT", reason: "Mistænkt" },
      },
    });
    expect(codeOf(short)).toBe("BAD_USER_INPUT");
    expect(await interviews()).toBe(0);

    // Overridden with its legal basis and a reason: booked, and the override recorded and audited.
    const booked = ok<Record<string, unknown>>(
      await stack.query("investigator-kbh", Q.book, {
        input: {
          ...base,
          custodyStatement: grants.custodyStatement,
          objectionOverride: { legalBasis: "OBJECTOR_IS_SUSPECT", reason: "Den indsigende forælder er selv mistænkt i sagen." },
        },
      }),
      "bookVideoInterview",
    );
    expect(booked).toMatchObject({
      status: "BOOKED",
      custodyObjection: true,
      objectionOverrideBasis: "OBJECTOR_IS_SUSPECT",
      objectionOverrideReason: "Den indsigende forælder er selv mistænkt i sagen.",
      objectionOverriddenBy: "Jonas Vestergaard",
    });
    const audited = await stack.subgraphs.police.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM samraad_meta.audit_log
        WHERE actor_sub = 'persona:investigator-kbh' AND decision = 'ALLOWED' AND $1 = ANY(case_ids)
          AND 'VideoInterview.objectionOverride' = ANY(field_paths)`,
      caseId,
    );
    expect(audited[0]?.n).toBe(1);

    // Without an objection (the other case), the same booking needs no override.
    const otherGrant = ok<{ writeGrant: string }>(
      await stack.query("investigator-kbh", Q.grants, { id: otherCase }),
      "boernehusCase",
    ).writeGrant;
    const otherReport = ok<{ id: string }>(
      await stack.query("investigator-kbh", Q.fileReport, {
        input: {
          caseId: otherCase,
          caseGrant: otherGrant,
          journalNumber: "0100-70000-09998-26",
          district: "KBH",
          reportedAt: now.toISOString(),
        },
      }),
      "filePoliceReport",
    );
    expect(
      ok(
        await stack.query("investigator-kbh", Q.book, {
          input: { policeReportId: otherReport.id, scheduledAt, custodyStatement: otherStatement },
        }),
        "bookVideoInterview",
      ),
    ).toMatchObject({ status: "BOOKED", custodyObjection: false, objectionOverrideBasis: null });
  });
});

describe("inviting a participant not yet on the case (issue 20)", () => {
  const invite = (persona: string, caseId: string, person: Record<string, string>) =>
    stack.query(persona, Q.addParticipant, { input: { caseId, ...person } });
  const physician = { sub: "persona:physician-rh", name: "Line Østergaard", sector: "HEALTH", organisation: "REGION_H", role: "physician" };

  it("the coordinator invites the region's physician, who then sees the case; only people of the organisations that serve it", async () => {
    const referral = await referChild("HOVEDSTADEN");
    const caseId = await handOver(referral.id);
    expect(codeOf(await stack.query("physician-rh", Q.caseView, { id: caseId }))).toBe("NOT_FOUND");
    const serving = ok<{ servingOrganisations: Array<{ sector: string; organisation: string }> }>(
      await stack.query(
        "coordinator-hovedstaden",
        `query($id: ID!) { boernehusCase(id: $id) { servingOrganisations { sector organisation } } }`,
        { id: caseId },
      ),
      "boernehusCase",
    ).servingOrganisations;
    expect(serving).toEqual([
      { sector: "MUNICIPALITY", organisation: "0101" },
      { sector: "BOERNEHUS", organisation: "HOVEDSTADEN" },
      { sector: "HEALTH", organisation: "REGION_H" },
      { sector: "POLICE", organisation: "KBH" },
    ]);
    ok(await invite("coordinator-hovedstaden", caseId, physician), "addCaseParticipant");
    expect(ok(await stack.query("physician-rh", Q.caseView, { id: caseId }), "boernehusCase")).toMatchObject({
      myAccess: { basis: "PARTICIPANT" },
    });

    // Who still cannot be invited: people of organisations that do not serve the case.
    for (const stranger of [
      { ...physician, sub: "persona:x-physician-sj", organisation: "REGION_SJ" },
      { sub: "persona:caseworker-frb", name: "Rasmus Holm", sector: "MUNICIPALITY", organisation: "0147", role: "caseworker" },
      { sub: "persona:x-inv-fyn", name: "Syntetisk Efterforsker", sector: "POLICE", organisation: "FYN", role: "investigator" },
      { sub: "persona:x-coord-sj", name: "Syntetisk Koordinator", sector: "BOERNEHUS", organisation: "SJAELLAND", role: "coordinator" },
    ]) {
      const res = await invite("coordinator-hovedstaden", caseId, stranger);
      expect(res.errors?.[0]?.extensions, stranger.sub).toMatchObject({ code: "BAD_USER_INPUT", field: "organisation" });
    }
    // Who still cannot invite: the psychologist of the børnehus, other sectors (field rules), another region's people.
    const other = { sub: "persona:x-physician-2", name: "Syntetisk Læge", sector: "HEALTH", organisation: "REGION_H", role: "physician" };
    expect(codeOf(await invite("psychologist-hovedstaden", caseId, other))).toMatch(/NOT_FOUND|FORBIDDEN/);
    for (const persona of ["caseworker-kbh", "investigator-kbh", "physician-rh", "leader-kbh"])
      expect(codeOf(await invite(persona, caseId, other)), persona).toBe("UNAUTHORIZED");
    const b = stack.subgraphs.boernehus.client;
    expect(await b.caseParticipant.count({ where: { caseId } })).toBe(3);
    // Invitations and refusals are in the børnehus's audit log, on the case.
    const audit = await b.$queryRawUnsafe<Array<{ decision: string; n: number }>>(
      `SELECT decision, count(*)::int AS n FROM samraad_meta.audit_log
        WHERE $1 = ANY(case_ids) AND 'CaseParticipant.invite' = ANY(field_paths) GROUP BY decision ORDER BY decision`,
      caseId,
    );
    expect(audit.map((a) => a.decision)).toEqual(["ALLOWED", "DENIED"]);
  });
});
