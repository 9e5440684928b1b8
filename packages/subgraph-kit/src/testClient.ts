import { randomBytes, randomUUID } from "node:crypto";
import {
  type GrantBasis,
  generateGrantKeyPair,
  generateInternalKeyPair,
  grantKeysFromEnv,
  INTERNAL_TOKEN_HEADER,
  MUNICIPALITY_STATEMENT_ISSUER,
  type Principal,
  scopesFor,
  signCaseGrant,
  signInternalToken,
  signStatement,
  statementKeysFromEnv,
} from "@samraad/access";

/**
 * Test processes get their own keys: the gateway's internal-token key pair and a grant key
 * pair (as `npm run dev` makes them per run). Call before starting subgraphs. A test process
 * plays gateway and subgraphs at once, so it holds both halves; a deployment never does.
 */
let testKeys: Promise<void> | null = null;
export function ensureTestKeys(): Promise<void> {
  testKeys ??= (async () => {
    if (!process.env.SAMRAAD_INTERNAL_PUBLIC_KEYS) {
      const { privatePem, publicPem } = generateInternalKeyPair();
      process.env.SAMRAAD_INTERNAL_PUBLIC_KEYS = publicPem;
      process.env.SAMRAAD_INTERNAL_SIGNING_KEY = privatePem;
    }
    process.env.SAMRAAD_PSEUDONYM_KEY ??= randomBytes(32).toString("hex");
    if (!process.env.SAMRAAD_GRANT_PUBLIC_KEY) {
      const { privatePem, publicPem } = await generateGrantKeyPair();
      process.env.SAMRAAD_GRANT_PUBLIC_KEY = publicPem;
      process.env.SAMRAAD_GRANT_PRIVATE_KEY = privatePem;
    }
    if (!process.env.SAMRAAD_STATEMENT_PUBLIC_KEY) {
      const { privatePem, publicPem } = await generateGrantKeyPair();
      process.env.SAMRAAD_STATEMENT_PUBLIC_KEY = publicPem;
      process.env.SAMRAAD_STATEMENT_PRIVATE_KEY = privatePem;
    }
  })();
  return testKeys;
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
    await grantKeysFromEnv(),
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
  const keys = await statementKeysFromEnv();
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
  const token = await signInternalToken({ principal, scopes: scopesFor(principal), audience, body, requestId: randomUUID() });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}
