import type http from "node:http";

export function sendError(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Refuses a request whose body or URL is larger than `maxBytes` before a byte of it
 * is read or parsed. A body must declare its length: node's parser then holds the
 * client to it, so a declared-small, actually-huge body cannot slip through. (Every
 * real client, browsers, undici, curl, sends Content-Length for a GraphQL POST.)
 * Returns true when it answered.
 */
export function refuseOversized(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number): boolean {
  if ((req.url ?? "").length > maxBytes) {
    sendError(res, 414, "URI_TOO_LONG", `Request URLs are limited to ${maxBytes} bytes. Send the operation as a POST body.`);
    return true;
  }
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    sendError(res, 411, "LENGTH_REQUIRED", "Send a Content-Length header with the request body.");
    return true;
  }
  if (Number(declared) > maxBytes) {
    sendError(res, 413, "PAYLOAD_TOO_LARGE", `Request bodies are limited to ${maxBytes} bytes.`);
    return true;
  }
  return false;
}
