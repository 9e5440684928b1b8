import { createHash } from "node:crypto";
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from "oidc-client-ts";
import { describe, expect, it } from "vitest";
import { oidcSettings } from "../src/auth/oidc.ts";

const ISSUER = "https://login.example-kommune.test";

describe("OIDC login", () => {
  it("asks for an authorization code with a PKCE S256 challenge, and keeps the verifier for the callback", async () => {
    const store = new InMemoryWebStorage();
    const client = new OidcClient({
      ...oidcSettings({ authority: ISSUER, clientId: "samraad-web" }, "https://samraad.example.test"),
      metadata: { issuer: ISSUER, authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token` },
      stateStore: new WebStorageStateStore({ store }),
    });
    const request = await client.createSigninRequest({});
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/authorize`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe("samraad-web");
    expect(url.searchParams.get("redirect_uri")).toBe("https://samraad.example.test/auth/callback");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const challenge = url.searchParams.get("code_challenge");
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The verifier stays in the browser (session storage) and hashes to the challenge.
    const stored = JSON.parse(store.getItem(`oidc.${url.searchParams.get("state")}`) as string) as { code_verifier: string };
    expect(stored.code_verifier.length).toBeGreaterThanOrEqual(43);
    expect(createHash("sha256").update(stored.code_verifier).digest("base64url")).toBe(challenge);
    expect(url.searchParams.has("code_verifier")).toBe(false);
  });
});
