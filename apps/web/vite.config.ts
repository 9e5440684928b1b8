import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Det Fælles Designsystem (npm `dkfds`) exports only its JavaScript; its stylesheet, fonts and
 * icons are plain files under dist/. The alias lets `import "dkfds/dist/css/dkfds.min.css"`
 * reach them, and Vite bundles the fonts and icons the CSS names: nothing is loaded from a CDN.
 */
const DKFDS_ROOT = join(dirname(createRequire(import.meta.url).resolve("dkfds")), "..", "..");

/**
 * The web app talks to the gateway on its own origin: /graphql and the development
 * login (/dev/*) are proxied, so there is no cross-origin request and no CORS to get wrong.
 * SAMRAAD_GATEWAY_ORIGIN points the proxy elsewhere (the browser tests use an ephemeral port).
 */
export function samraadWebConfig(gatewayOrigin = process.env.SAMRAAD_GATEWAY_ORIGIN ?? "http://127.0.0.1:4000") {
  const proxy = { "/graphql": gatewayOrigin, "/dev/": gatewayOrigin };
  return defineConfig({
    root: import.meta.dirname,
    plugins: [react()],
    resolve: { alias: [{ find: /^dkfds\/dist\/(.*)$/, replacement: `${DKFDS_ROOT}/dist/$1` }] },
    server: { proxy },
    preview: { proxy },
    build: { outDir: "dist", sourcemap: true },
  });
}

export default samraadWebConfig();
