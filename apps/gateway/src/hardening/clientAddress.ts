import type http from "node:http";

/**
 * The address a request came from, for limits on clients that have no identity (the survey
 * respondent). Directly connected: the socket's peer. Behind `trustedProxyHops` proxies (HAProxy
 * with `option forwardfor`: 1), the address the outermost of them saw, read from the right of
 * X-Forwarded-For: what a client writes into the header itself stands further left, so it
 * cannot choose its own address. Without trusted proxies the header is ignored.
 */
export function clientAddress(req: http.IncomingMessage | undefined, trustedProxyHops: number): string {
  const peer = req?.socket?.remoteAddress ?? "unknown";
  if (!req || trustedProxyHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through all of them, so no entry is vouched for.
  return hops[hops.length - trustedProxyHops] ?? peer;
}
