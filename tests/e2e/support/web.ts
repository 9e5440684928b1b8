import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { loadTrustedDocuments } from "@samraad/gateway";
import { build, preview } from "vite";
import type { Stack } from "../../support/stack.ts";

const WEB_ROOT = join(REPO_ROOT, "apps", "web");
const MANIFEST = join(WEB_ROOT, "src", "generated", "persisted-documents.json");

/**
 * The web app as in production: its build sends only registered operation hashes, to a
 * gateway of the stack's that accepts nothing else from people (trusted documents).
 * The stack's own gateway stays open for the tests' direct queries.
 */
export async function serveWebAppFor(stack: Stack) {
  const gateway = await stack.startGateway({ trustedDocuments: loadTrustedDocuments(MANIFEST) });
  // The browser lives in the stack's world too: its form defaults ("now") must be the services' now.
  return { ...(await serveWebApp(gateway.url)), clock: stack.clock };
}

export type WebApp = Awaited<ReturnType<typeof serveWebAppFor>>;

/**
 * The web app as users get it: a production build (vite build) served by Vite's preview
 * server on an ephemeral port, with /graphql and /dev/* proxied to the test's gateway.
 * `buildEnv` adds build-time variables (VITE_OIDC_AUTHORITY, VITE_OIDC_CLIENT_ID: the OIDC login).
 */
export async function serveWebApp(gatewayUrl: string, buildEnv: Record<string, string> = {}) {
  const outDir = mkdtempSync(join(tmpdir(), "samraad-web-"));
  const gatewayOrigin = new URL(gatewayUrl).origin;
  const previousNodeEnv = process.env.NODE_ENV;
  // Vitest runs with NODE_ENV=test, which would make Vite build a non-production bundle
  // (import.meta.env.PROD false: whole documents sent, React's development build).
  process.env.NODE_ENV = "production";
  const previousBuildEnv = Object.fromEntries(Object.keys(buildEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, buildEnv);
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    for (const [k, v] of Object.entries(previousBuildEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
  const proxy = { "/graphql": gatewayOrigin, "/dev/": gatewayOrigin };
  const server = await preview({
    root: WEB_ROOT,
    configFile: join(WEB_ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, proxy },
  });
  const address = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
