import { type ClientCredentials, clientCredentialsToken, devIssuerToken, type TokenSource } from "@samraad/access";
import type { CourseStatusFact, FollowUpFact } from "../domain/alerts.ts";

/**
 * The municipality's alert worker reads what it lacks (the sent final note's date and
 * recommendation ids, the børnehus's facts) through the gateway, as its own machine principal
 * (MUNICIPALITY, roles system + alerts, scope alerts:follow-up-facts only), like any other
 * client. It never opens the børnehus's database. One principal per municipality served:
 * the børnehus answers each with its own municipality's cases only.
 */
export type FollowUpFactSource = (sentFrom: Date, sentTo: Date) => Promise<FollowUpFact[]>;

/** Whether each named course is closed, and since when (null: open), for the CASEWORKER_CHANGED alert. */
export type CourseStatusSource = (caseIds: string[]) => Promise<CourseStatusFact[]>;

const QUERY = `query FollowUpFacts($sentFrom: DateTime!, $sentTo: DateTime!) {
  boernehusFollowUpFacts(sentFrom: $sentFrom, sentTo: $sentTo) { caseId finalNoteSentAt recommendationIds }
}`;

const STATUS_QUERY = `query CourseStatuses($caseIds: [ID!]!) {
  boernehusCourseStatuses(caseIds: $caseIds) { caseId closedAt }
}`;

type Answer = { boernehusFollowUpFacts: Array<{ caseId: string; finalNoteSentAt: string; recommendationIds: string[] }> };
const STATUS_CHUNK = 500;
type StatusAnswer = { boernehusCourseStatuses: Array<{ caseId: string; closedAt: string | null }> };

/**
 * One query, asked once per municipality's token, one after the other, never concurrently: the
 * gateway's HTTP executor (@graphql-tools/executor-http, deduplicateInflightRequests) shares one
 * in-flight upstream answer between identical queries keyed on URL and body, before the
 * per-principal internal token is added, so two principals asking the same thing at once get
 * one principal's answer.
 */
async function askEach<T>(gatewayUrl: string, tokens: TokenSource[], query: string, variables: Record<string, unknown>): Promise<T[]> {
  const answers: T[] = [];
  for (const token of tokens) {
    const res = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string }> } | null;
    if (!res.ok || !body?.data || body.errors?.length) {
      throw new Error(`The gateway refused the alert facts: ${body?.errors?.map((e) => e.message).join("; ") ?? `HTTP ${res.status}`}`);
    }
    answers.push(body.data);
  }
  return answers;
}

export function gatewayFollowUpFacts(gatewayUrl: string, tokens: TokenSource[]): FollowUpFactSource {
  return async (sentFrom, sentTo) => {
    const variables = { sentFrom: sentFrom.toISOString(), sentTo: sentTo.toISOString() };
    const answers = await askEach<Answer>(gatewayUrl, tokens, QUERY, variables);
    return answers.flatMap((a) =>
      a.boernehusFollowUpFacts.map((f) => ({
        caseId: f.caseId,
        finalNoteSentAt: new Date(f.finalNoteSentAt),
        recommendationIds: f.recommendationIds,
      })),
    );
  };
}

/** Each municipality's token answers for its own courses only; together they cover every course asked about. */
export function gatewayCourseStatuses(gatewayUrl: string, tokens: TokenSource[]): CourseStatusSource {
  return async (caseIds) => {
    const found: CourseStatusFact[] = [];
    // The børnehus answers at most 1000 ids a request.
    for (let i = 0; i < caseIds.length; i += STATUS_CHUNK) {
      const answers = await askEach<StatusAnswer>(gatewayUrl, tokens, STATUS_QUERY, { caseIds: caseIds.slice(i, i + STATUS_CHUNK) });
      for (const a of answers) {
        for (const f of a.boernehusCourseStatuses) found.push({ caseId: f.caseId, closedAt: f.closedAt ? new Date(f.closedAt) : null });
      }
    }
    return found;
  };
}

/**
 * How the alert worker reaches the gateway, from the municipality's parsed config
 * (src/config.ts): SAMRAAD_GATEWAY_URL, and the alert workers' client credentials
 * (SAMRAAD_MUNICIPALITY_ALERT_CLIENTS with its TOKEN_URL and RESOURCE: a token per
 * municipality, fetched again before it expires), or SAMRAAD_MUNICIPALITY_ALERT_TOKENS
 * (client-credentials tokens, one per municipality served) or, outside production, the
 * development issuer's alert-worker personas (SAMRAAD_MUNICIPALITY_ALERT_PERSONAS).
 */
export interface FollowUpSettings {
  gatewayUrl: string | undefined;
  clients: ClientCredentials[];
  tokens: string[];
  personas: string[];
  production: boolean;
}

/** The follow-up facts' and course statuses' sources; null, with the reason, when the scan cannot reach the gateway. */
export function followUpFactSources(
  settings: FollowUpSettings,
): { source: FollowUpFactSource; courses: CourseStatusSource; skipped: null } | { source: null; skipped: string } {
  const { gatewayUrl } = settings;
  if (!gatewayUrl) return { source: null, skipped: "SAMRAAD_GATEWAY_URL is not set" };
  if (settings.clients.length > 0)
    return sources(
      gatewayUrl,
      settings.clients.map((c) => clientCredentialsToken(c)),
    );
  if (settings.tokens.length > 0)
    return sources(
      gatewayUrl,
      settings.tokens.map((t) => async () => t),
    );
  if (settings.production) {
    return { source: null, skipped: "neither SAMRAAD_MUNICIPALITY_ALERT_CLIENTS nor SAMRAAD_MUNICIPALITY_ALERT_TOKENS is set" };
  }
  return sources(
    gatewayUrl,
    settings.personas.map((p) =>
      devIssuerToken(gatewayUrl, p, (status) => new Error(`The development issuer refused a token for ${p} (HTTP ${status}).`)),
    ),
  );
}

function sources(gatewayUrl: string, tokens: TokenSource[]) {
  return { source: gatewayFollowUpFacts(gatewayUrl, tokens), courses: gatewayCourseStatuses(gatewayUrl, tokens), skipped: null };
}
