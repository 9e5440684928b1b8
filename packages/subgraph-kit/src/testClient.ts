import { randomBytes, randomUUID } from "node:crypto";
import {
  type GrantBasis,
  generateGrantKeyPair,
  generateInternalKeyPair,
  grantKeysFromEnv,
  INTERNAL_TOKEN_HEADER,
  type InternalSigningKey,
  internalSigningKey,
  MUNICIPALITY_STATEMENT_ISSUER,
  type Principal,
  scopesFor,
  signCaseGrant,
  signInternalToken,
  signStatement,
  statementKeys,
} from "@samraad/access";

/**
 * Test processes get their own keys: the gateway's internal-token key pair and a grant key
 * pair (as `npm run dev` makes them per run). Call before starting subgraphs. A test process
 * plays gateway and subgraphs at once, so it holds both halves; a deployment never does.
 */
let testKeys: Promise<void> | null = null;
export function ensureTestKeys(): Promise<void> {
  // Checked on every call, not once per process: test files share a worker process, and a file
  // that ran a service with another environment (tests/access/internalKeys.test.ts) restores it.
  const env = process.env;
  if (env.SAMRAAD_INTERNAL_PUBLIC_KEYS && env.SAMRAAD_PSEUDONYM_KEY && env.SAMRAAD_GRANT_PUBLIC_KEY && env.SAMRAAD_STATEMENT_PUBLIC_KEY)
    return Promise.resolve();
  testKeys ??= (async () => {
    if (!env.SAMRAAD_INTERNAL_PUBLIC_KEYS) {
      const { privatePem, publicPem } = generateInternalKeyPair();
      env.SAMRAAD_INTERNAL_PUBLIC_KEYS = publicPem;
      env.SAMRAAD_INTERNAL_SIGNING_KEY = privatePem;
    }
    env.SAMRAAD_PSEUDONYM_KEY ??= randomBytes(32).toString("hex");
    if (!env.SAMRAAD_GRANT_PUBLIC_KEY) {
      const { privatePem, publicPem } = await generateGrantKeyPair();
      env.SAMRAAD_GRANT_PUBLIC_KEY = publicPem;
      env.SAMRAAD_GRANT_PRIVATE_KEY = privatePem;
    }
    if (!env.SAMRAAD_STATEMENT_PUBLIC_KEY) {
      const { privatePem, publicPem } = await generateGrantKeyPair();
      env.SAMRAAD_STATEMENT_PUBLIC_KEY = publicPem;
      env.SAMRAAD_STATEMENT_PRIVATE_KEY = privatePem;
    }
  })().finally(() => {
    testKeys = null;
  });
  return testKeys;
}

let signing: { pem: string; key: Promise<InternalSigningKey> } | null = null;

/**
 * The gateway's signing key of this test process (ensureTestKeys made it, or the environment
 * the test was handed): for the tests that start a gateway or sign a request as one. Imported
 * once while SAMRAAD_INTERNAL_SIGNING_KEY is unchanged.
 */
export async function testInternalSigningKey(): Promise<InternalSigningKey> {
  await ensureTestKeys();
  const pem = process.env.SAMRAAD_INTERNAL_SIGNING_KEY;
  if (!pem) throw new Error("SAMRAAD_INTERNAL_SIGNING_KEY is not set in this test process: the gateway's key is needed to sign.");
  if (signing?.pem !== pem) signing = { pem, key: internalSigningKey(pem) };
  return signing.key;
}

/** A case grant as the børnehus subgraph would issue it (for sector subgraph tests). */
export async function testCaseGrant(
  principal: Principal,
  caseId: string,
  basis: GrantBasis = "PARTICIPANT",
  /** For a write grant bound to one record of the case (Recommendation.writeGrant). */
  record?: string,
): Promise<string> {
  await ensureTestKeys();
  return signCaseGrant(
    { caseId, sub: principal.sub, basis, municipalityCode: "0101", region: "HOVEDSTADEN", ...(record ? { record } : {}) },
    await grantKeysFromEnv(process.env),
  );
}

/** A GraphQL answer as a subgraph sends it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/** A custody statement as the municipality subgraph would sign it (BoernehusCase.custodyStatement). */
export async function testCustodyStatement(principal: Principal, caseId: string, objection: boolean): Promise<string> {
  await ensureTestKeys();
  const keys = statementKeys(process.env.SAMRAAD_STATEMENT_PUBLIC_KEY as string, process.env.SAMRAAD_STATEMENT_PRIVATE_KEY as string);
  return signStatement(
    "custody",
    { caseId, objection },
    { sub: principal.sub, issuer: MUNICIPALITY_STATEMENT_ISSUER, privateKey: keys.privateKey },
  );
}

/**
 * Calls a running subgraph the way the gateway does: a body signed for that
 * subgraph with the principal's scopes. Used by subgraph tests.
 */
export async function callSubgraph(
  url: string,
  audience: string,
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: GraphQLBody }> {
  const body = JSON.stringify({ query, variables });
  const token = await signInternalToken({
    principal,
    scopes: scopesFor(principal),
    audience,
    body,
    requestId: randomUUID(),
    key: await testInternalSigningKey(),
  });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}
