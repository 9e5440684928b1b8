/**
 * A sector system (here: a municipality's case system) talking to Samråd machine to
 * machine. Run it against a running stack (`npm run dev`):
 *
 *   npx tsx examples/sector-client.ts                      # dev: token from /dev/token as system-kbh
 *   SAMRAAD_TOKEN_URL=https://idp.example/token SAMRAAD_CLIENT_ID=... SAMRAAD_CLIENT_SECRET=... SAMRAAD_RESOURCE=https://samraad.example \
 *     SAMRAAD_GATEWAY_URL=https://samraad.example/graphql npx tsx examples/sector-client.ts
 *
 * It shows what docs/api.md describes: getting a token, reading a case, a write with an
 * idempotency key retried after a lost answer (one write), and an update with the version
 * it read, handling CONFLICT by reloading. Plain fetch, no dependencies: copy it.
 */
import { randomUUID } from "node:crypto";

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export class SamraadError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** Something that hands out a valid bearer token each time it is asked. */
export type TokenSource = () => Promise<string>;

/**
 * A token: client credentials against the sector's identity provider (SAMRAAD_TOKEN_URL,
 * SAMRAAD_CLIENT_ID, SAMRAAD_CLIENT_SECRET, optionally SAMRAAD_SCOPE and SAMRAAD_RESOURCE, the
 * gateway's audience as an RFC 8707 resource indicator), or the development issuer. A client
 * that runs for long asks again before its token expires (a fifth of its lifetime, at least
 * 30 s, before): a request never goes out with a token about to run out.
 */
export function tokens(gatewayUrl: string, env: NodeJS.ProcessEnv = process.env): TokenSource {
  let held: { token: string; renewAt: number } | null = null;
  const fetchToken = async (): Promise<{ token: string; lifetimeMs: number }> => {
    if (env.SAMRAAD_TOKEN_URL) {
      const form = new URLSearchParams({ grant_type: "client_credentials" });
      if (env.SAMRAAD_SCOPE) form.set("scope", env.SAMRAAD_SCOPE);
      if (env.SAMRAAD_RESOURCE) form.set("resource", env.SAMRAAD_RESOURCE);
      const basic = Buffer.from(`${env.SAMRAAD_CLIENT_ID ?? ""}:${env.SAMRAAD_CLIENT_SECRET ?? ""}`).toString("base64");
      const res = await fetch(env.SAMRAAD_TOKEN_URL, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
        body: form,
      });
      if (!res.ok) throw new Error(`token request failed: HTTP ${res.status}`);
      const body = (await res.json()) as { access_token: string; expires_in?: number };
      return { token: body.access_token, lifetimeMs: (body.expires_in ?? 60) * 1000 };
    }
    const res = await fetch(new URL("/dev/token", gatewayUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: env.SAMRAAD_PERSONA ?? "system-kbh" }),
    });
    if (!res.ok) throw new Error(`dev token failed: HTTP ${res.status} (is the gateway running outside production?)`);
    const body = (await res.json()) as { token?: string; access_token?: string };
    return { token: (body.token ?? body.access_token) as string, lifetimeMs: 3_600_000 };
  };
  return async () => {
    if (held && Date.now() < held.renewAt) return held.token;
    const asked = Date.now();
    const { token, lifetimeMs } = await fetchToken();
    held = { token, renewAt: asked + lifetimeMs - Math.max(lifetimeMs / 5, Math.min(30_000, lifetimeMs / 2)) };
    return token;
  };
}

/** One token, for a short script (see tokens() for a client that runs for long). */
export async function getToken(gatewayUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return tokens(gatewayUrl, env)();
}

export function client(gatewayUrl: string, token: string | TokenSource) {
  return async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const bearer = typeof token === "string" ? token : await token();
    const res = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}`, "x-samraad-purpose": "SECTOR_SYSTEM_SYNC" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GraphQLError[] };
    if (body.errors?.length) throw new SamraadError(body.errors);
    if (!res.ok || !body.data) throw new Error(`HTTP ${res.status}`);
    return body.data;
  };
}

const CASES = /* GraphQL */ `
  query OpenCases($municipalityCode: String!) {
    boernehusCases(filter: { municipalityCode: $municipalityCode, status: ACTIVE }, first: 5) {
      id
      status
      samraadMeetings { id kind status }
      actionItems { id title owningSector status version }
    }
  }
`;
const ADD_ITEM = /* GraphQL */ `
  mutation AddItem($input: AddActionItemInput!, $key: String) {
    addActionItem(input: $input, idempotencyKey: $key) { id title status version }
  }
`;
const SET_STATUS = /* GraphQL */ `
  mutation SetStatus($input: UpdateActionItemStatusInput!, $key: String) {
    updateActionItemStatus(input: $input, idempotencyKey: $key) { id status version }
  }
`;
const ITEM = /* GraphQL */ `
  query Item($id: ID!) { boernehusCase(id: $id) { actionItems { id status version } } }
`;

interface Item {
  id: string;
  title?: string;
  status: string;
  version: number;
}

/** The whole walk-through; returns what happened, for the test that runs it against the real stack. */
export async function runExample(gatewayUrl: string, env: NodeJS.ProcessEnv = process.env) {
  const graphql = client(gatewayUrl, tokens(gatewayUrl, env));
  const log = (line: string) => env.SAMRAAD_EXAMPLE_QUIET || console.log(line);

  // 1. Read: the open courses of our municipality.
  const { boernehusCases } = await graphql<{
    boernehusCases: Array<{ id: string; samraadMeetings: Array<{ id: string; status: string }>; actionItems: Item[] }>;
  }>(CASES, { municipalityCode: env.SAMRAAD_MUNICIPALITY ?? "0101" });
  const course = boernehusCases.find((c) => c.samraadMeetings.some((m) => m.status !== "CANCELLED"));
  if (!course) throw new Error("no active course with a samråd meeting for this municipality");
  const meeting = course.samraadMeetings.find((m) => m.status !== "CANCELLED") as { id: string };
  log(`case ${course.id}: ${course.actionItems.length} action items`);

  // 2. Write with an idempotency key. The key is made once per intended write and kept
  // with it; a retry after a timeout or a lost answer sends the same key.
  const key = randomUUID();
  const input = {
    meetingId: meeting.id,
    title: "Iværksæt børnefaglig undersøgelse",
    owningSector: "MUNICIPALITY",
    dueAt: "2027-01-15T09:00:00Z",
  };
  const first = await graphql<{ addActionItem: Item }>(ADD_ITEM, { input, key });
  const retry = await graphql<{ addActionItem: Item }>(ADD_ITEM, { input, key });
  log(
    `added ${first.addActionItem.id}; the retry returned ${retry.addActionItem.id} (same: ${first.addActionItem.id === retry.addActionItem.id})`,
  );

  // 3. Update with the version we read. Someone else got there first (here: ourselves,
  // with a stale version): CONFLICT, so reload and decide again.
  const item = first.addActionItem;
  const started = await graphql<{ updateActionItemStatus: Item }>(SET_STATUS, {
    input: { id: item.id, status: "IN_PROGRESS", version: item.version },
    key: randomUUID(),
  });
  let conflict: string | undefined;
  let done: Item;
  try {
    done = (await graphql<{ updateActionItemStatus: Item }>(SET_STATUS, { input: { id: item.id, status: "DONE", version: item.version } }))
      .updateActionItemStatus;
  } catch (error) {
    if (!(error instanceof SamraadError) || error.code !== "CONFLICT") throw error;
    conflict = error.code;
    const fresh = (await graphql<{ boernehusCase: { actionItems: Item[] } }>(ITEM, { id: course.id })).boernehusCase.actionItems.find(
      (i) => i.id === item.id,
    ) as Item;
    log(`stale version ${item.version}: CONFLICT; reloaded version ${fresh.version} (${fresh.status}), updating again`);
    done = (await graphql<{ updateActionItemStatus: Item }>(SET_STATUS, { input: { id: item.id, status: "DONE", version: fresh.version } }))
      .updateActionItemStatus;
  }
  log(`action item ${done.id} is ${done.status} at version ${done.version}`);
  return {
    caseId: course.id,
    added: first.addActionItem,
    retried: retry.addActionItem,
    started: started.updateActionItemStatus,
    conflict,
    done,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runExample(process.env.SAMRAAD_GATEWAY_URL ?? "http://127.0.0.1:4000/graphql");
}
