import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures (docs/webhooks.md): the header
 *   Samraad-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * binds the exact body to a moment, so a receiver can refuse a tampered or replayed call.
 */
export const SIGNATURE_HEADER = "samraad-signature";

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const mac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

/** What a receiver does (the reference for docs/webhooks.md): true only for a fresh, untampered body. */
export function verifySignature(secret: string, body: string, header: string | undefined, now: Date, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(mac(secret, t, body), "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
