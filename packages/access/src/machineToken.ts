/**
 * Bearer tokens of the machine clients (the statistics extractor, the municipality's alert
 * workers): where a worker gets the token it sends to the gateway.
 */
export type TokenSource = () => Promise<string>;

/** How long a development token is reused: well inside the development issuer's lifetime. */
const DEV_TOKEN_REUSE_MS = 3_600_000;

/**
 * The gateway's development issuer's token for one persona (outside production only),
 * fetched again when the one held is an hour old. The machine's clock times it: a token's
 * lifetime is the issuer's, in real time, whatever the service's domain clock says.
 */
export function devIssuerToken(gatewayUrl: string, persona: string, onRefusal: (status: number) => Error): TokenSource {
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const res = await fetch(new URL("/dev/token", gatewayUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona }),
    });
    if (!res.ok) throw onRefusal(res.status);
    const { token } = (await res.json()) as { token: string };
    cached = { token, until: Date.now() + DEV_TOKEN_REUSE_MS };
    return token;
  };
}
