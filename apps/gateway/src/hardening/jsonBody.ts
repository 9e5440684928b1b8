import type http from "node:http";
import { MAX_RESPONDENT_BODY_BYTES } from "../identity/surveyRespondent.ts";

const JSON_TYPES = ["application/json", "application/graphql+json"];

/**
 * Reads a GraphQL POST's JSON body at the door, after refuseOversized has bounded it, and
 * hands the runtime the parsed object (`req.body`, the pre-parsed body @whatwg-node/server
 * takes from Express-style frameworks): yoga then reads it from memory with `request.json()`.
 *
 * Why: otherwise each request's body goes node stream → WHATWG ReadableStream → yoga's
 * size-limiting TransformStream (a stream pipeline whose teardown builds a DOMException)
 * → text; about 3% of the gateway's CPU per case view (docs/performance.md). The size limit
 * that pipeline enforces is already ours: refuseOversized requires a Content-Length within
 * the limit, and node's parser holds the client to it.
 *
 * What it reads is what the runtime read before, no more: bodies with a bearer token, and
 * small token-less ones (the survey respondent's way in, surveyRespondent.ts); anything else
 * is left unread for the runtime to refuse with 401. A body that is not a non-empty JSON
 * object or array goes on as its bytes, so yoga answers it exactly as before.
 *
 * Resolves false when the client went away mid-body (nothing to answer).
 */
export function readJsonBody(req: http.IncomingMessage): Promise<boolean> | true {
  if (req.method !== "POST" || !isJson(req.headers["content-type"])) return true;
  const length = Number(req.headers["content-length"]);
  if (!(length > 0)) return true; // an empty body stays unread: yoga refuses it as before
  if (!/^Bearer\s/i.test(req.headers.authorization ?? "") && length > MAX_RESPONDENT_BODY_BYTES) return true;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      (req as http.IncomingMessage & { body?: unknown }).body = parsedOrBytes(bytes);
      resolve(true);
    });
    req.once("close", () => {
      if (!req.complete) resolve(false);
    });
  });
}

function isJson(contentType: string | undefined): boolean {
  // As yoga matches it (request-parser/utils.js): the first of a list, the type alone or with parameters.
  const first = contentType?.split(",")[0] ?? "";
  return JSON_TYPES.some((type) => first === type || first.startsWith(`${type};`));
}

function parsedOrBytes(bytes: Buffer): unknown {
  try {
    const parsed: unknown = JSON.parse(bytes.toString("utf8"));
    // @whatwg-node/server takes an object with at least one key as parsed; anything else it would
    // read from the (already consumed) stream, so that goes as bytes and yoga parses it itself.
    if (parsed !== null && typeof parsed === "object" && Object.keys(parsed).length > 0) return parsed;
  } catch {
    // Broken JSON: yoga gives its own 400 BAD_REQUEST, after the token check, as before.
  }
  return bytes;
}
