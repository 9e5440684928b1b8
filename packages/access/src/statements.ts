import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { type importSPKI, jwtVerify, SignJWT } from "jose";

type CryptoKey = Awaited<ReturnType<typeof importSPKI>>;
/** A statement key: the municipality's (node:crypto, from its config) or the børnehus's grant key (jose). */
type StatementKey = CryptoKey | KeyObject;

/**
 * Signed statements: how one subgraph tells another a fact of its own, through the client
 * and the gateway, without either reading the other's database (docs/access-model.md,
 * "Statements between sectors"). They work like the børnehus's write grants:
 *
 *  - the owner of the fact signs a short-lived JWT naming the fact, the record it is about
 *    and the principal it is for, and exposes it as a field that obeys the owner's row rules;
 *  - the client fetches it and sends it with the write another subgraph takes;
 *  - that subgraph verifies it with the owner's public key, for this principal and this record,
 *    and acts on the fact it states, never on what the client says about it.
 *
 * Kinds:
 *  - `referral` (municipality → børnehus): the referral that starts a course, with the facts
 *    the course is registered from, for the børnehus of the region the referral is addressed to;
 *  - `custody` (municipality → police): whether a custody holder of the case's child objects to
 *    a video interview, for a principal who may see the case;
 *  - `course-registered` (børnehus → municipality): a receipt that the course of a referral is
 *    registered, signed with the børnehus's grant key;
 *  - `developments` (municipality → børnehus): what happened in the municipality's part of a case
 *    since the børnehus's assessment began (measures, notifications, caseworker changes), by kind
 *    and record id, for a principal who may see the case: the final note may name only these.
 */
export const MUNICIPALITY_STATEMENT_ISSUER = "samraad-municipality";
export const BOERNEHUS_STATEMENT_ISSUER = "samraad-boernehus";
export const STATEMENT_TTL_SECONDS = 120;

export type StatementKind = "referral" | "custody" | "course-registered" | "developments";

/**
 * The municipality's statement keys, as a service's config holds them: the public key where its
 * statements are read (børnehus, police), both halves in the municipality, which signs them.
 */
export interface StatementKeys {
  privateKey?: KeyObject;
  publicKey: KeyObject;
}

export interface ReferralStatement {
  referralId: string;
  caseId: string;
  region: string;
  municipalityCode: string;
  abuseTypes: string[];
  childAgeAtReferral: number;
  referredAt: string;
  referrer: { sub: string; name: string } | null;
}

export interface CustodyStatement {
  caseId: string;
  objection: boolean;
}

export interface CourseRegisteredStatement {
  referralId: string;
  caseId: string;
}

export interface DevelopmentsStatement {
  caseId: string;
  /** The assessment's start the list runs from (ISO). */
  since: string;
  items: Array<{ kind: string; id: string; at: string }>;
}

interface Payloads {
  referral: ReferralStatement;
  custody: CustodyStatement;
  "course-registered": CourseRegisteredStatement;
  developments: DevelopmentsStatement;
}

/**
 * The statement keys from their PEM text (SAMRAAD_STATEMENT_PUBLIC_KEY, and _PRIVATE_KEY in the
 * municipality), imported once at start-up by the service's config. The config has checked the
 * text already (an Ed25519 key), so this does not fail on a key the config let through.
 */
export function statementKeys(publicPem: string): StatementKeys;
export function statementKeys(publicPem: string, privatePem: string): Required<StatementKeys>;
export function statementKeys(publicPem: string, privatePem?: string): StatementKeys {
  return {
    publicKey: createPublicKey(publicPem),
    ...(privatePem === undefined ? {} : { privateKey: createPrivateKey(privatePem) }),
  };
}

/** The record a statement is about: its audience, so a statement for one record never passes for another. */
function audienceOf<K extends StatementKind>(kind: K, payload: Payloads[K]): string {
  if (kind === "custody" || kind === "developments") return `${kind}:${(payload as CustodyStatement | DevelopmentsStatement).caseId}`;
  return `${kind}:${(payload as ReferralStatement).referralId}`;
}

export async function signStatement<K extends StatementKind>(
  kind: K,
  payload: Payloads[K],
  options: { sub: string; issuer: string; privateKey: StatementKey | undefined; now?: number },
): Promise<string> {
  if (!options.privateKey) throw new Error(`This service holds no key to sign ${kind} statements.`);
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({ kind, fact: payload as unknown as Record<string, unknown> })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(options.issuer)
    .setSubject(options.sub)
    .setAudience(audienceOf(kind, payload))
    .setIssuedAt(iat)
    .setExpirationTime(iat + STATEMENT_TTL_SECONDS)
    .sign(options.privateKey);
}

/**
 * The fact, if `token` is a statement of this kind, by this issuer, for this principal and (when
 * given) this record (the referral id, or the case id of a custody statement); else null.
 */
export async function verifyStatement<K extends StatementKind>(
  kind: K,
  token: unknown,
  options: { sub: string; issuer: string; publicKey: StatementKey; record?: string; now?: number },
): Promise<Payloads[K] | null> {
  if (typeof token !== "string" || token.length === 0 || token.length > 8192) return null;
  try {
    const { payload } = await jwtVerify(token, options.publicKey, {
      issuer: options.issuer,
      subject: options.sub,
      audience: options.record === undefined ? undefined : `${kind}:${options.record}`,
      algorithms: ["EdDSA"],
      requiredClaims: ["exp"],
      currentDate: new Date(options.now ?? Date.now()),
    });
    if (payload.kind !== kind || typeof payload.fact !== "object" || payload.fact === null) return null;
    const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    const fact = payload.fact as Payloads[K];
    // The audience is the record the fact is about: a fact that names another record is refused.
    if (aud !== audienceOf(kind, fact)) return null;
    return fact;
  } catch {
    return null;
  }
}
