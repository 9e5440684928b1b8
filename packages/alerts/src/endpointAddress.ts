import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { badInput } from "@samraad/subgraph-kit";

/**
 * Where a webhook may be delivered. A registered endpoint must not make a sector's server
 * call its own internals (SSRF): loopback, private, link-local, carrier-grade NAT, multicast,
 * unspecified and cloud metadata addresses are refused, unless an operator allows a network by
 * configuration (SAMRAAD_WEBHOOK_ALLOWED_NETWORKS, CIDRs, e.g. a sector system on the internal
 * network, or 127.0.0.1/32 for a local receiver in tests). The check is made on the address the
 * name resolves to, at registration and again at each delivery, and the delivery connects to
 * exactly that address (pinned: no second lookup a DNS rebinding could answer differently).
 *
 * node:net's BlockList does the address arithmetic (IPv4, IPv6 and IPv4-mapped IPv6 alike).
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, and the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  // (IPv4-mapped addresses, ::ffff:a.b.c.d, are checked as the IPv4 address they carry.)
  ["::", 128], // unspecified
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64
  ["fc00::", 7], // unique local (incl. fd00:ec2::254, a metadata address)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv6");
}

export interface EndpointPolicy {
  /** Networks an operator allows despite being internal. */
  allowed: BlockList;
  allowedText: string[];
  production: boolean;
}

export const ALLOWED_NETWORKS_VARIABLE = "SAMRAAD_WEBHOOK_ALLOWED_NETWORKS";

/**
 * From the service's parsed config: the networks SAMRAAD_WEBHOOK_ALLOWED_NETWORKS allows
 * (ALERT_VARIABLES checked them at start) and whether it runs in production.
 */
export function endpointPolicy(allowedNetworks: readonly string[], production: boolean): EndpointPolicy {
  const allowed = new BlockList();
  const allowedText = [...allowedNetworks];
  for (const cidr of allowedText) {
    const [address, bits] = cidr.split("/");
    const family = address ? isIP(address) : 0;
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!address || family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`${ALLOWED_NETWORKS_VARIABLE}: "${cidr}" is not a network (expected CIDRs such as 10.20.0.0/16,127.0.0.1/32)`);
    }
    allowed.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return { allowed, allowedText, production };
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:10.0.0.1), else null. */
function mappedIPv4(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? null;
}

/** Is this address one an endpoint may not have (and not allowed by the operator)? */
export function isRefusedAddress(address: string, policy: EndpointPolicy): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  const type = family === 6 ? "ipv6" : "ipv4";
  const inner = family === 6 ? mappedIPv4(address) : null;
  if (policy.allowed.check(address, type) || (inner && policy.allowed.check(inner, "ipv4"))) return false;
  return INTERNAL.check(address, type) || (inner !== null && INTERNAL.check(inner, "ipv4"));
}

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves the endpoint's host once; refuses when any address it resolves to is internal. */
export async function resolveEndpoint(url: URL, policy: EndpointPolicy): Promise<PinnedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) as 4 | 6 }]
    : ((await lookup(host, { all: true, verbatim: true })) as PinnedAddress[]);
  if (addresses.length === 0) throw new EndpointRefused(`${url.hostname} does not resolve`);
  // Every address, not just the first: a name that also resolves inside is refused whole.
  const refused = addresses.find((a) => isRefusedAddress(a.address, policy));
  if (refused) throw new EndpointRefused(`${url.hostname} resolves to an internal address (${refused.address})`);
  return addresses[0] as PinnedAddress;
}

export class EndpointRefused extends Error {}

/**
 * At registration: https only (http only to a network the operator allowed, outside
 * production), no credentials in the URL, and a host that resolves to no internal address.
 */
export async function validateEndpointUrl(raw: string, policy: EndpointPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput("url must be an absolute https URL.", "url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw badInput("url must be an absolute https URL.", "url");
  if (url.username || url.password) throw badInput("url must not carry credentials; the signature authenticates Samråd.", "url");
  let pinned: PinnedAddress;
  try {
    pinned = await resolveEndpoint(url, policy);
  } catch (error) {
    const reason = error instanceof EndpointRefused ? error.message : "its host could not be resolved";
    throw badInput(`url is not allowed: ${reason}. Webhooks go to sector systems outside Samråd's own network.`, "url");
  }
  const allowedByOperator = policy.allowed.check(pinned.address, pinned.family === 6 ? "ipv6" : "ipv4");
  if (url.protocol === "http:" && (policy.production || !allowedByOperator)) {
    throw badInput("url must use https (http only to a network the operator allowed, outside production).", "url");
  }
  return url.toString();
}
