import type { Principal } from "@samraad/access";
import { callSubgraph, runSubgraph, type SubgraphInstance, testCaseGrant } from "@samraad/subgraph-kit";
import { expect } from "vitest";
import { municipality } from "../src/app.ts";
import type { MunicipalityConfig } from "../src/config.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";

export const caseworker: Principal = {
  sub: "persona:caseworker-0101",
  name: "Test Rådgiver",
  sector: "MUNICIPALITY",
  organisation: "0101",
  roles: ["caseworker"],
};
/** The municipality's leader: she changes a case's caseworker (continuity, issue 23.2). */
export const leader: Principal = { ...caseworker, sub: "persona:leader-0101", name: "Test Leder", roles: ["leader"] };
export const otherMunicipality: Principal = { ...caseworker, sub: "persona:caseworker-0751", organisation: "0751" };
/** A caseworker of another municipality (Frederiksberg), who must never see a 0101 child. */
export const caseworker0147: Principal = { ...caseworker, sub: "persona:caseworker-0147", organisation: "0147" };
export const investigator: Principal = {
  sub: "persona:investigator-kbh",
  name: "Test Efterforsker",
  sector: "POLICE",
  organisation: "KBH",
  roles: ["investigator"],
};
export const coordinator: Principal = {
  sub: "persona:coordinator-hovedstaden",
  name: "Test Koordinator",
  sector: "BOERNEHUS",
  organisation: "HOVEDSTADEN",
  roles: ["coordinator"],
};

export type Result = Awaited<ReturnType<typeof callSubgraph>>;

/**
 * The hub as the gateway's query plan sends it: with the børnehus subgraph's access grant
 * for `principal` and `grantCaseId` (this case unless told otherwise), or without one.
 */
export async function caseRef(principal: Principal, caseId: string, options: { grant?: boolean; grantCaseId?: string } = {}) {
  const grant = options.grant ?? true;
  return {
    __typename: "BoernehusCase",
    id: caseId,
    accessGrant: grant ? await testCaseGrant(principal, options.grantCaseId ?? caseId) : null,
  };
}

/** The børnehus's Recommendation as the query plan sends it: with the grant for the recommendation's case. */
export async function recommendationRef(principal: Principal, id: string, caseId: string | null) {
  return { __typename: "Recommendation", id, accessGrant: caseId ? await testCaseGrant(principal, caseId) : null };
}

/** One running subgraph on a fresh database per test file. */
export async function startMunicipality(): Promise<SubgraphInstance<PrismaClient, MunicipalityConfig>> {
  return runSubgraph(municipality, { database: "test" });
}

export function caller(sg: () => SubgraphInstance<PrismaClient>) {
  return (principal: Principal, query: string, variables?: Record<string, unknown>) =>
    callSubgraph(sg().url, "municipality", principal, query, variables);
}

/** The data of a call that must succeed. */
export function ok<T>(res: Result, field: string): T {
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.[field] as T;
}

/** The first error's code and extensions. */
export const firstError = (res: Result) => res.body.errors?.[0]?.extensions ?? {};

let serial = 0;
/** A synthetic CPR number for a birth date (DDMMYY-SSSS); the serial counts up so each is unique. */
export function syntheticCpr(birthDate: string, replacement = false): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const day = replacement ? String(Number(d) + 60) : d;
  serial += 1;
  return `${day}${m}${y.slice(2)}-${String(serial).padStart(4, "0")}`;
}

export const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id cpr firstName birthDate gender municipalityCode } }`;
export const DECIDE_BFU = `mutation($input: DecideChildAssessmentInput!) { decideChildAssessment(input: $input) { id decidedAt dueAt completedAt status } }`;
export const REFER = `mutation($input: ReferToBoernehusInput!) { referToBoernehus(input: $input) { id caseId referredAt boernehusRegion abuseTypes policeReportFiled municipalityCode } }`;

export function childInput(overrides: Record<string, unknown> = {}) {
  const birthDate = (overrides.birthDate as string | undefined) ?? "2015-04-30";
  return {
    cpr: syntheticCpr(birthDate),
    firstName: "Testbarn",
    lastName: "Syntetisk",
    birthDate,
    gender: "GIRL",
    municipalityCode: "0101",
    ...overrides,
  };
}

export function referralInput(childId: string, overrides: Record<string, unknown> = {}) {
  return {
    childId,
    boernehusRegion: "HOVEDSTADEN",
    suspicionOrKnowledge: true,
    childAssessmentDecided: true,
    otherSectorInvolved: true,
    abuseTypes: ["SEXUAL"],
    policeReportFiled: true,
    referredAt: "2026-03-02T09:00:00Z",
    ...overrides,
  };
}
