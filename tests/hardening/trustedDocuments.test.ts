import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@samraad/config";
import { gatewayEnvironment, loadTrustedDocuments, type RunningGateway } from "@samraad/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loneGateways } from "../support/loneGateway.ts";

const MANIFEST = new URL("./fixtures/trusted-documents.json", import.meta.url).pathname;
const WHO_AM_I = "0e08c18885ce2a51516766502a2a55cc8af0f5ca423ff05c4adcc8a4bdf36511";
const RECENT_CASES = "00412234e9417b2ef5989855f3ef905625acb07b370b07c086d60b3aaf20733a";

let gateways: Awaited<ReturnType<typeof loneGateways>>;
let gateway: RunningGateway;
beforeAll(async () => {
  gateways = await loneGateways();
  gateway = await gateways.start({ trustedDocuments: loadTrustedDocuments(MANIFEST) });
});
afterAll(async () => gateways?.stop());

async function send(persona: string, body: Record<string, unknown>) {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await gateways.token(persona)}` },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    ...((await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> }),
  };
}
const byHash = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

describe("trusted documents", () => {
  it("runs a registered operation sent by its hash (Apollo APQ wire format)", async () => {
    const res = await send("caseworker-kbh", byHash(WHO_AM_I));
    expect(res).toMatchObject({ status: 200, data: { __typename: "Query" } });
    // A registered operation that reaches the subgraphs is let through too (here they are absent).
    const cases = await send("caseworker-kbh", byHash(RECENT_CASES));
    expect(cases.errors?.map((e) => e.extensions?.code)).not.toContain("TRUSTED_DOCUMENT_REQUIRED");
  });

  it("refuses a person's own document text, even a registered one, and an unknown hash", async () => {
    const adHoc = await send("caseworker-kbh", { query: "{ boernehusCases { id child { cpr } } }" });
    expect(adHoc).toMatchObject({ status: 400, errors: [{ extensions: { code: "TRUSTED_DOCUMENT_REQUIRED" } }] });
    const registeredText = await send("leader-kbh", { query: "query WhoAmI {\n  __typename\n}" });
    expect(registeredText.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    const both = await send("caseworker-kbh", { query: "{ __typename }", ...byHash(WHO_AM_I) });
    expect(both.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
    const unknown = await send("caseworker-kbh", byHash("f".repeat(64)));
    expect(unknown).toMatchObject({ status: 400, errors: [{ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] });
    const nothing = await send("caseworker-kbh", {});
    expect(nothing.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
  });

  it("lets a sector system send its own documents, under the limits", async () => {
    const own = await send("system-kbh", { query: "query Mine { __typename }" });
    expect(own).toMatchObject({ status: 200, data: { __typename: "Query" } });
    expect((await send("system-police-kbh", byHash(WHO_AM_I))).data).toEqual({ __typename: "Query" });
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: boernehusCase(id: "x") { id }`).join(" ");
    const tooMany = await send("system-kbh", { query: `{ ${aliases} }` });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("ALIAS_LIMIT_EXCEEDED");
  });

  it("refuses to start with a manifest whose hashes do not match, or in production without one", () => {
    const dir = mkdtempSync(join(tmpdir(), "trusted-"));
    const tampered = join(dir, "tampered.json");
    writeFileSync(tampered, JSON.stringify({ [WHO_AM_I]: "query WhoAmI { boernehusCases { id child { cpr } } }" }));
    expect(() => loadTrustedDocuments(tampered)).toThrow(/not the SHA-256/);
    // The gateway's config: production without a manifest does not start.
    const base = { SAMRAAD_INTERNAL_SIGNING_KEY: process.env.SAMRAAD_INTERNAL_SIGNING_KEY, SAMRAAD_OIDC_ISSUERS: "[]" };
    expect(() => parseConfig(gatewayEnvironment, { ...base, NODE_ENV: "production" })).toThrow(
      /SAMRAAD_TRUSTED_DOCUMENTS must be set to the web app's persisted-documents.json in production/,
    );
    const manifest = parseConfig(gatewayEnvironment, {
      ...base,
      NODE_ENV: "production",
      SAMRAAD_TRUSTED_DOCUMENTS: MANIFEST,
    }).trustedDocuments;
    expect(loadTrustedDocuments(manifest as string)[WHO_AM_I]).toBeTypeOf("string");
    expect(parseConfig(gatewayEnvironment, base).trustedDocuments).toBeUndefined();
  });
});
