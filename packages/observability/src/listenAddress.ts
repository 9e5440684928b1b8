import { isIP } from "node:net";

/** Where a service listens: a host (interface address) and a port. */
export interface ListenAddress {
  host: string;
  port: number;
}

/** Loopback unless told otherwise: a service is reachable from elsewhere only when an operator says so. */
export const DEFAULT_HOST = "127.0.0.1";

/**
 * A service's bind address from `<NAME>_HOST` (default 127.0.0.1) and `<NAME>_PORT` (its
 * default port; 0 = any free port). Replicas behind a load balancer on other machines set
 * the host to the interface the balancer reaches (e.g. 0.0.0.0 or the host's address on the
 * sector's network; docs/deployment.md). A malformed value stops the start with the
 * variable's name, rather than listening somewhere nobody meant.
 */
export function listenAddressFromEnv(name: string, defaultPort: number, env: Readonly<Record<string, string | undefined>>): ListenAddress {
  const prefix = name.toUpperCase();
  const host = env[`${prefix}_HOST`] || DEFAULT_HOST;
  if (host !== "localhost" && isIP(host) === 0) {
    throw new Error(`${prefix}_HOST must be an IP address (or localhost), e.g. 0.0.0.0 or 10.1.2.3; got "${host}".`);
  }
  const rawPort = env[`${prefix}_PORT`];
  const port = rawPort === undefined || rawPort === "" ? defaultPort : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${prefix}_PORT must be a port number from 0 to 65535; got "${rawPort}".`);
  }
  return { host, port };
}

/** The URL a service listening at host:port logs as its own (IPv6 hosts in brackets). */
export function serviceUrl(host: string, port: number, path = "/graphql"): string {
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}${path}`;
}
