import { importPKCS8, importSPKI } from "jose";
import { describe, expect, it } from "vitest";
import { type CaseGrant, type GrantKeys, generateGrantKeyPair, type Principal, signCaseGrant, verifyCaseGrant } from "../src/index.ts";

const caseworker: Principal = { sub: "persona:cw", name: "Syntetisk", sector: "MUNICIPALITY", organisation: "0101", roles: ["caseworker"] };
const investigator: Principal = { sub: "persona:inv", name: "Syntetisk", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };
const grant = (over: Partial<CaseGrant> = {}): CaseGrant => ({
  caseId: "case-1",
  sub: caseworker.sub,
  basis: "PARTICIPANT",
  municipalityCode: "0101",
  region: "HOVEDSTADEN",
  ...over,
});

async function keyPair(): Promise<GrantKeys> {
  const { privatePem, publicPem } = await generateGrantKeyPair();
  return { privateKey: await importPKCS8(privatePem, "EdDSA"), publicKey: await importSPKI(publicPem, "EdDSA") };
}

describe("case grants", () => {
  it("admit their own person to their own case, and no one else to anything else", async () => {
    const keys = await keyPair();
    const token = await signCaseGrant(grant(), keys);
    expect(await verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys })).toEqual(grant());
    // Each refusal after the grant was verified (and remembered) once.
    expect(await verifyCaseGrant(token, { caseId: "case-2", principal: caseworker, keys })).toBeNull();
    expect(await verifyCaseGrant(token, { caseId: "case-1", principal: investigator, keys })).toBeNull();
    expect(await verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys: await keyPair() })).toBeNull();
    expect(await verifyCaseGrant(`${token.slice(0, -4)}AAAA`, { caseId: "case-1", principal: caseworker, keys })).toBeNull();
  });

  it("carry the reason of an emergency access, and only of one", async () => {
    const keys = await keyPair();
    const reason = "Akut indlæggelse, barnet er på skadestuen";
    const emergency = await signCaseGrant(grant({ basis: "EMERGENCY", reason }), keys);
    expect(await verifyCaseGrant(emergency, { caseId: "case-1", principal: caseworker, keys })).toEqual(
      grant({ basis: "EMERGENCY", reason }),
    );
    const participant = await signCaseGrant(grant({ reason }), keys);
    expect(await verifyCaseGrant(participant, { caseId: "case-1", principal: caseworker, keys })).toEqual(grant());
  });

  it("are reused for the same person, case and basis for half their life, and never past it", async () => {
    const keys = await keyPair();
    const t0 = Date.now();
    const first = await signCaseGrant(grant(), keys, t0);
    expect(await signCaseGrant(grant(), keys, t0 + 10_000)).toBe(first);
    expect(await signCaseGrant(grant({ basis: "EMERGENCY" }), keys, t0 + 10_000)).not.toBe(first);
    expect(await signCaseGrant(grant({ sub: investigator.sub }), keys, t0 + 10_000)).not.toBe(first);
    const renewed = await signCaseGrant(grant(), keys, t0 + 31_000);
    expect(renewed).not.toBe(first);

    const check = (token: string, at: number) => verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys, now: at });
    expect(await check(first, t0 + 30_000)).toMatchObject({ basis: "PARTICIPANT" });
    // Verified and remembered above; 61 s after it was signed it is refused all the same.
    expect(await check(first, t0 + 61_000)).toBeNull();
    expect(await check(renewed, t0 + 61_000)).toMatchObject({ basis: "PARTICIPANT" });
  });

  it("hand out nothing a caller can change for the next request", async () => {
    const keys = await keyPair();
    const token = await signCaseGrant(grant(), keys);
    const verified = await verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys });
    expect(() => Object.assign(verified as CaseGrant, { basis: "EMERGENCY" })).toThrow(TypeError);
    expect(await verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys })).toMatchObject({ basis: "PARTICIPANT" });
  });
});
