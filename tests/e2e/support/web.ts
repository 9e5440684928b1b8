import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { build, preview } from "vite";

const WEB_ROOT = join(REPO_ROOT, "apps", "web");

/**
 * The web app as users get it: a production build (vite build) served by Vite's preview
 * server on an ephemeral port, with /graphql and /dev/* proxied to the test's gateway.
 */
export async function serveWebApp(gatewayUrl: string, options: { trustedDocuments?: boolean } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), "samraad-web-"));
  const gatewayOrigin = new URL(gatewayUrl).origin;
  const previous = process.env.VITE_TRUSTED_DOCUMENTS;
  // Until the gateway enforces trusted documents in these tests, the build sends whole documents.
  process.env.VITE_TRUSTED_DOCUMENTS = options.trustedDocuments ? "on" : "off";
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    if (previous === undefined) delete process.env.VITE_TRUSTED_DOCUMENTS;
    else process.env.VITE_TRUSTED_DOCUMENTS = previous;
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
