import { describe, expect, it } from "vitest";
import {
  type CaseGrant,
  type GrantKeys,
  generateGrantKeyPair,
  grantKeys,
  type Principal,
  signCaseGrant,
  verifyCaseGrant,
} from "../src/index.ts";

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
  return grantKeys(publicPem, privatePem);
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

  it("are compact: the case and its facts in plain fields, the person only in what is signed", async () => {
    const keys = await keyPair();
    const caseId = "0b6f3c1e-9a7d-4c2b-8f4e-1d2c3b4a5e6f";
    const token = await signCaseGrant(grant({ caseId }), keys, Date.parse("2026-12-07T12:00:00Z"));
    expect(token).toMatch(new RegExp(`^1\\.P\\.0101\\.HOVEDSTADEN\\.\\d+\\.${caseId}\\.\\.\\.[A-Za-z0-9_-]{86}$`));
    expect(token).not.toContain(caseworker.sub);
    expect(token.length).toBeLessThan(160); // the JWT it replaced was 371 characters
  });

  it("refuse any field changed, a signature spelled twice, and what is not a grant of ours", async () => {
    const keys = await keyPair();
    const token = await signCaseGrant(grant({ record: "rec-1" }), keys);
    const check = (t: string) => verifyCaseGrant(t, { caseId: "case-1", principal: caseworker, keys });
    expect(await check(token)).toMatchObject({ record: "rec-1" });
    const parts = token.split(".");
    const changed = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join(".");
    for (const [index, value] of [
      [0, "2"], // another format
      [1, "O"], // another basis
      [1, "E"],
      [1, "constructor"], // not a basis, whatever the prototype holds
      [2, "0147"], // another municipality
      [3, "SJAELLAND"], // another region
      [4, String(Number(parts[4]) + 3600)], // a longer life
      [6, "rec-2"], // another record
      [7, Buffer.from("nød").toString("base64url")], // a reason smuggled in
    ] as const) {
      expect(await check(changed(index, value)), `field ${index} = ${value}`).toBeNull();
    }
    // The same 64 bytes spelled with other spare bits in the last character.
    const signature = parts[8] as string;
    const last = signature.at(-1) as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] as string;
    expect(await check(changed(8, signature.slice(0, -1) + sibling))).toBeNull();
    expect(await check(`${token}.x`)).toBeNull();
    expect(await check("eyJhbGciOiJFZERTQSJ9.e30.c2ln")).toBeNull();
  });

  it("refuse at signing a field that could hold the separator", async () => {
    const keys = await keyPair();
    await expect(signCaseGrant(grant({ caseId: "case.1" }), keys)).rejects.toThrow(/case id/);
    // A reason is free text: written as base64url, read back as it was given.
    const reason = "Barnet er indlagt. Mor ringede kl. 03.10";
    const token = await signCaseGrant(grant({ basis: "EMERGENCY", reason }), keys);
    expect(await verifyCaseGrant(token, { caseId: "case-1", principal: caseworker, keys })).toMatchObject({ reason });
  });
});
