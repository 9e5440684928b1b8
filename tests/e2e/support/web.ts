import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { loadTrustedDocuments } from "@samraad/gateway";
import { build, type Plugin, preview } from "vite";
import { hashFiles } from "../../support/digest.ts";
import type { Stack } from "../../support/stack.ts";
import { AXE_PATH, AXE_SOURCE } from "./browser.ts";

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
  const gatewayOrigin = new URL(gatewayUrl).origin;
  // Without build-time variables the build is the same for every file of a run: built once per
  // content of the web app and kept (about 3 s of CPU a file). With them (the OIDC login's
  // provider on an ephemeral port) it is built for this file alone and removed with it.
  const shared = Object.keys(buildEnv).length === 0;
  const outDir = shared ? await sharedBuild() : await buildWebApp(mkdtempSync(join(tmpdir(), "samraad-web-")), buildEnv);
  const proxy = { "/graphql": gatewayOrigin, "/dev/": gatewayOrigin };
  const server = await preview({
    root: WEB_ROOT,
    configFile: join(WEB_ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, proxy },
    plugins: [serveAxe()],
  });
  const address = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      await server.close();
      if (!shared) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** axe-core at AXE_PATH on the web app's own origin, cached like a hashed asset (support/browser.ts says why). */
function serveAxe(): Plugin {
  return {
    name: "samraad-test-axe",
    configurePreviewServer(server) {
      server.middlewares.use(AXE_PATH, (_req, res) => {
        res.writeHead(200, { "content-type": "text/javascript", "cache-control": "public, max-age=86400, immutable" });
        res.end(AXE_SOURCE);
      });
    },
  };
}

/** Where the shared builds are kept between runs (gitignored), one folder per content. */
const BUILD_CACHE = join(REPO_ROOT, ".cache", "web-builds");

/** The production build of the web app as its sources are now, built by the first file that needs it. */
async function sharedBuild(): Promise<string> {
  const dir = join(BUILD_CACHE, webDigest());
  if (existsSync(join(dir, "index.html"))) return dir;
  // Built aside and renamed: a file running beside this one never serves half a build; if
  // both built it, the second rename fails and its copy goes.
  const partial = await buildWebApp(mkdtempSync(join(tmpdir(), "samraad-web-")), {});
  mkdirSync(BUILD_CACHE, { recursive: true });
  try {
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** Everything the build reads from the repository: the web app's sources (generated ones too) and its configuration. */
function webDigest(): string {
  const parts = ["src", "public", "index.html", "vite.config.ts", "package.json", "tsconfig.json"].map((part) => join(WEB_ROOT, part));
  // src/generated included: the build bundles the generated operations and their hashes.
  const hash = hashFiles(createHash("sha256"), [...parts, join(REPO_ROOT, "package-lock.json")], ["node_modules", "dist"]);
  // Vite also reads VITE_* variables from the environment.
  hash.update(
    JSON.stringify(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith("VITE_"))
        .sort(),
    ),
  );
  return hash.digest("hex").slice(0, 24);
}

async function buildWebApp(outDir: string, buildEnv: Record<string, string>): Promise<string> {
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
  return outDir;
}
