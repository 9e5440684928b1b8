import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
    server: { proxy },
    preview: { proxy },
    build: { outDir: "dist", sourcemap: true },
  });
}

export default samraadWebConfig();
