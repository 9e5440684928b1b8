import http from "node:http";
import type { Duplex } from "node:stream";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { type Logger, REQUEST_ID_HEADER, requestIdFrom } from "@samraad/observability";
import { getOperationAST } from "graphql";
import type { AuthenticatedUser } from "../upstream/signUpstream.ts";

export interface RequestIds {
  of(request: Request | undefined): string | undefined;
}

// Operation names come from clients: logged only when they look like names.
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * One log line per GraphQL request, with the request id that travels on: taken from
 * the caller's x-request-id when it looks like an id (else made here), echoed in the
 * response, forwarded to every subgraph (useSignedUpstream puts it in the signed token
 * and the header). The line carries ids, status, time, operation name and the caller's
 * sector and roles: never a name, variables or a message.
 */
export function useRequestLog(logger: Logger, users: WeakMap<Request, AuthenticatedUser>): GatewayPlugin & { requestIds: RequestIds } {
  const ids = new WeakMap<Request, { id: string; started: number; path: string; operationName?: string }>();
  return {
    requestIds: { of: (request) => (request ? ids.get(request)?.id : undefined) },
    onRequest({ request, url }) {
      // The path from the URL the runtime parsed already, not a second parse of request.url per response.
      ids.set(request, { id: requestIdFrom(request.headers.get(REQUEST_ID_HEADER)), started: performance.now(), path: url.pathname });
    },
    onExecute({ args }) {
      // The operation's own name from the parsed document (a client need not send operationName).
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request && ids.get(request);
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (entry && name && OPERATION_NAME.test(name)) entry.operationName = name;
    },
    onResponse({ request, response }) {
      const entry = ids.get(request);
      if (!entry) return;
      response.headers.set(REQUEST_ID_HEADER, entry.id);
      const user = users.get(request);
      // Probes every few seconds are not news.
      const level = entry.path === "/healthz" || entry.path === "/readyz" ? "debug" : "info";
      logger[level](
        {
          requestId: entry.id,
          method: request.method,
          path: entry.path,
          status: response.status,
          ms: Math.round(performance.now() - entry.started),
          operationName: entry.operationName,
          sector: user?.principal.sector,
          roles: user?.principal.roles,
        },
        "request",
      );
    },
  };
}

/**
 * The request id for a request as it arrives at the gateway's HTTP server: checked
 * once here, put back on the request (so the runtime's useRequestLog finds the same
 * one) and on the response, whoever answers it.
 */
export function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = requestIdFrom(typeof incoming === "string" ? incoming : undefined);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The one log line for a request answered before the runtime saw it (size limits, the development login). */
export function logAnsweredAtTheDoor(
  logger: Logger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestId: string,
  started: number,
) {
  const line = () =>
    logger.info(
      {
        requestId,
        method: req.method,
        path: (req.url ?? "/").split("?")[0]?.slice(0, 200),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  if (res.writableFinished) line();
  else res.once("finish", line);
}

/**
 * A request node's HTTP parser refused before any handler saw it (headers or URL over
 * the limit, malformed HTTP): answered with a JSON error and a code like every other
 * refusal, and logged with an id of its own.
 */
export function answerClientError(logger: Logger, error: Error & { code?: string }, socket: Duplex) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const code = tooLarge ? "HEADERS_TOO_LARGE" : "BAD_REQUEST";
  const message = tooLarge
    ? "The request's headers (its URL included) are too large. Send the operation as a POST body."
    : "Malformed HTTP request.";
  const requestId = requestIdFrom(null);
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
  logger.info({ requestId, status, code: error.code }, "request");
}
