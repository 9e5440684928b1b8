import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import {
  composeSupergraph,
  identity as identityFrom,
  loadTrustedDocuments,
  parseIssuers,
  type RunningGateway,
  startGateway,
} from "@samraad/gateway";
import { testInternalSigningKey } from "@samraad/subgraph-kit";
import { PERSONAS } from "@samraad/synthetic";
import { decodeJwt } from "jose";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type TestProvider } from "../support/oidcProvider.ts";
import { freePort } from "../support/postgresCluster.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { launchChromium, screenshotter } from "./support/browser.ts";
import { serveWebApp } from "./support/web.ts";

/**
 * The web app's sign-in as production has it: built with VITE_OIDC_AUTHORITY and
 * VITE_OIDC_CLIENT_ID, the authorization code flow with PKCE in Chromium against a real
 * OpenID provider (oidc-provider, its own login and consent pages), and a gateway that trusts
 * that provider by the ordinary issuer configuration (namespace, speaksFor) and accepts only
 * the web app's registered documents. No development issuer anywhere.
 */
let stack: Stack;
let idp: TestProvider;
let gateway: RunningGateway;
let web: Awaited<ReturnType<typeof serveWebApp>>;
let browser: Browser;
const shots = screenshotter("oidc");
const MANIFEST = join(REPO_ROOT, "apps", "web", "src", "generated", "persisted-documents.json");

beforeAll(async () => {
  stack = await startStack();
  // The provider's address first: the web app is built with it.
  const idpPort = await freePort();
  const authority = `http://127.0.0.1:${idpPort}`;
  const speaksFor = { BOERNEHUS: ["HOVEDSTADEN"] };
  const identity = await identityFrom(PERSONAS, {
    devIssuer: false,
    issuers: parseIssuers(
      JSON.stringify([
        { issuer: authority, audience: "https://samraad.test/graphql", jwks: `${authority}/jwks`, namespace: "test-idp", speaksFor },
      ]),
    ),
  });
  const urls = stack.subgraphs;
  gateway = await startGateway({
    supergraphSdl: composeSupergraph(),
    subgraphUrls: {
      municipality: urls.municipality.url,
      police: urls.police.url,
      health: urls.health.url,
      boernehus: urls.boernehus.url,
      statistics: "http://127.0.0.1:9/statistics-not-started/graphql",
    },
    trustedDocuments: loadTrustedDocuments(MANIFEST),
    internalSigningKey: await testInternalSigningKey(),
    ...identity,
  });
  web = await serveWebApp(gateway.url, { VITE_OIDC_AUTHORITY: authority, VITE_OIDC_CLIENT_ID: "samraad-web" });
  idp = await startOidcProvider({
    port: idpPort,
    webOrigin: web.url,
    namespace: "test-idp",
    speaksFor,
    machines: [],
    people: {
      "camilla.berg": { name: "Camilla Berg", sector: "BOERNEHUS", organisation: "HOVEDSTADEN", roles: ["coordinator"] },
    },
  });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await idp?.stop();
  await gateway?.stop();
  await stack?.stop();
});

describe("signing in to the web app at an OpenID provider", () => {
  it("runs the authorization code flow with PKCE, and the gateway takes the provider's token", async () => {
    const context = await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen" });
    const page = await context.newPage();
    const seen = {
      authorize: "",
      tokenForm: "",
      bearers: [] as string[],
      firstAnswer: null as { status: number; errors?: unknown } | null,
    };
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === idp.issuer && url.pathname === "/auth") seen.authorize = request.url();
      if (url.origin === idp.issuer && url.pathname === "/token" && request.method() === "POST") seen.tokenForm = request.postData() ?? "";
      const auth = request.headers().authorization;
      if (url.origin === web.url && url.pathname === "/graphql" && auth) seen.bearers.push(auth.replace(/^Bearer /, ""));
    });
    await shots.onFailure(browser, async () => {
      await page.goto(`${web.url}/login`);
      await page.getByRole("button", { name: "Log ind med din organisations login" }).click();

      // The provider's login page, then its consent page.
      await page.waitForURL((url) => url.origin === idp.issuer);
      await page.locator('input[name="login"]').fill("camilla.berg");
      await page.locator('input[name="password"]').fill("any password");
      await page.getByRole("button", { name: "Sign-in" }).click();
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/graphql", { timeout: 60_000 });
      await page.getByRole("button", { name: "Continue" }).click();

      // Back in the web app, signed in: her name in the header, her landing page loaded through the gateway.
      await page.waitForURL((url) => url.origin === web.url && url.pathname === "/");
      await page.getByText("Camilla Berg").first().waitFor();
      await page.getByRole("heading", { level: 1 }).waitFor();
      const first = await answered;
      seen.firstAnswer = { status: first.status(), ...((await first.json()) as { errors?: unknown }) };
      await shots.shot(page, "signed-in");
    });

    // PKCE: an S256 challenge on the way out, its verifier with the code.
    const authorize = new URL(seen.authorize);
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tokenForm = new URLSearchParams(seen.tokenForm);
    expect(tokenForm.get("grant_type")).toBe("authorization_code");
    expect(tokenForm.get("code_verifier")?.length).toBeGreaterThanOrEqual(43);

    // The web app sends the provider's access token, and the gateway answers it.
    expect(seen.bearers.length).toBeGreaterThan(0);
    expect(decodeJwt(seen.bearers[0] as string)).toMatchObject({
      iss: idp.issuer,
      aud: "https://samraad.test/graphql",
      sub: "camilla.berg",
      sector: "BOERNEHUS",
      roles: ["coordinator"],
    });
    expect(seen.firstAnswer?.status).toBe(200);
    expect(seen.firstAnswer?.errors).toBeUndefined();
    await context.close();
  });

  it("refuses a person the provider does not know", async () => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await page.goto(`${web.url}/login`);
    await page.getByRole("button", { name: "Log ind med din organisations login" }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill("mallory");
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    // No account, no code: the browser never comes back signed in.
    await page.waitForLoadState("load");
    expect(new URL(page.url()).origin).not.toBe(web.url);
    await context.close();
  });
});
