import type http from "node:http";
import type { DevIssuer } from "./devIssuer.ts";

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 10_000) return null;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * GET /dev/personas and POST /dev/token {"persona": "<id>"}: the development login.
 * Mounted only when the development issuer exists. Returns true when it answered.
 */
export async function handleDevRoutes(req: http.IncomingMessage, res: http.ServerResponse, issuer: DevIssuer): Promise<boolean> {
  const path = (req.url ?? "").split("?")[0];
  if (path === "/dev/personas" && req.method === "GET") {
    json(res, 200, {
      personas: issuer.personas.map(({ id, name, title, sector, organisation, roles }) => ({
        id,
        name,
        title,
        sector,
        organisation,
        roles,
      })),
    });
    return true;
  }
  if (path === "/dev/token" && req.method === "POST") {
    const body = (await readJson(req)) as { persona?: unknown } | null;
    const persona = typeof body?.persona === "string" ? body.persona : "";
    const issued = await issuer.issue(persona);
    if (!issued) {
      json(res, 400, { error: { code: "UNKNOWN_PERSONA", message: `Unknown persona "${persona}". GET /dev/personas lists them.` } });
    } else {
      json(res, 200, { token: issued.token, persona: issued.persona.id, expiresIn: 8 * 3600 });
    }
    return true;
  }
  if (path === "/dev/jwks" && req.method === "GET") {
    json(res, 200, issuer.jwks);
    return true;
  }
  return false;
}
