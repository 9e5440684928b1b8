import { clientCredentialsToken, devIssuerToken, type TokenSource } from "@samraad/access";
import type { ExtractorCredentials } from "../config.ts";

/**
 * The statistics service's only way to the sectors' data: GraphQL through the gateway, as
 * its own machine principal (statistics:extract), like any other client. It never opens a
 * sector database.
 */
export type { TokenSource };

export class ExtractionError extends Error {}

export async function gatewayQuery<T>(
  gatewayUrl: string,
  token: TokenSource,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await token()}`,
      "x-samraad-purpose": "STATISTICS",
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  if (!res.ok || !body?.data || body.errors?.length) {
    const reason = body?.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ") ?? `HTTP ${res.status}`;
    throw new ExtractionError(`The gateway refused the statistics extraction: ${reason}`);
  }
  return body.data;
}

interface Page<F> {
  facts: F[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * One sector's facts, page by page: the next page is fetched only when the caller asks for
 * it, so the caller holds one page at a time however many courses there are.
 */
export async function* factPages<F>(
  gatewayUrl: string,
  token: TokenSource,
  field: string,
  selection: string,
  pageSize: number,
): AsyncGenerator<F[]> {
  const query = `query StatisticsExtract($after: String, $first: Int) { ${field}(after: $after, first: $first) { facts { ${selection} } endCursor hasNextPage } }`;
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Page<F>> = await gatewayQuery(gatewayUrl, token, query, { after, first: pageSize });
    const page = data[field] as Page<F>;
    yield page.facts;
    if (!page.hasNextPage || !page.endCursor) return;
    after = page.endCursor;
  }
}

/**
 * Where the extractor's token comes from (the parsed config's `extractor`), in this order:
 * - its identity provider's client-credentials grant (SAMRAAD_STATISTICS_TOKEN_URL,
 *   _CLIENT_ID, _CLIENT_SECRET, optionally _SCOPE and _RESOURCE), fetched again before it expires;
 * - a fixed SAMRAAD_STATISTICS_TOKEN (provisioned by hand: it stops working when it expires);
 * - outside production, the gateway's development issuer for the statistics-extractor persona.
 */
export function tokenSource(gatewayUrl: string, credentials: ExtractorCredentials): TokenSource {
  if (credentials.client) return clientCredentialsToken(credentials.client);
  const fixed = credentials.token;
  if (fixed) return async () => fixed;
  // The config refuses this at start; kept so that no caller can reach production without a token.
  if (credentials.production) {
    throw new ExtractionError(
      "In production the extractor needs SAMRAAD_STATISTICS_TOKEN_URL, _CLIENT_ID and _CLIENT_SECRET (or SAMRAAD_STATISTICS_TOKEN).",
    );
  }
  return devIssuerToken(
    gatewayUrl,
    "statistics-extractor",
    (status) => new ExtractionError(`The development issuer refused a token (HTTP ${status}).`),
  );
}
