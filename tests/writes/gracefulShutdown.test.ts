import { randomUUID } from "node:crypto";
import http from "node:http";
import { INTERNAL_TOKEN_HEADER, type Principal, scopesFor, signInternalToken } from "@samraad/access";
import { createEmptyTestDatabase } from "@samraad/db";
import { ensureTestKeys } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceProcess, spawnSubgraph } from "../support/serviceProcess.ts";

const coordinator: Principal = {
  sub: "persona:test-coordinator-drain",
  name: "Test Koordinator",
  sector: "BOERNEHUS",
  organisation: "HOVEDSTADEN",
  roles: ["coordinator"],
};

let database: { url: string; drop(): Promise<void> };
let subgraph: ServiceProcess | undefined;

beforeAll(async () => {
  await ensureTestKeys();
  database = await createEmptyTestDatabase("boernehus");
}, 60_000);
afterAll(async () => {
  if (subgraph && subgraph.child.exitCode === null) subgraph.child.kill("SIGKILL");
  await database?.drop();
});

describe("graceful shutdown (SIGTERM)", () => {
  it("finishes the request in flight, refuses new ones, and exits 0", async () => {
    subgraph = await spawnSubgraph("boernehus", database.url);
    const url = new URL(subgraph.url);
    const body = JSON.stringify({ query: "{ boernehusCases(first: 5) { id } }" });
    const token = await signInternalToken({
      principal: coordinator,
      scopes: scopesFor(coordinator),
      audience: "boernehus",
      body,
      requestId: randomUUID(),
    });
    // A slow client: the request is under way (headers and half the body sent) when SIGTERM arrives.
    const slow = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), [INTERNAL_TOKEN_HEADER]: token },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      slow.on("error", reject);
    });
    const half = Math.floor(body.length / 2);
    slow.write(body.slice(0, half));
    await new Promise((r) => setTimeout(r, 300));

    subgraph.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    // New requests are refused while it drains.
    await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
    expect(subgraph.child.exitCode).toBeNull();

    slow.end(body.slice(half));
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toEqual({ data: { boernehusCases: [] } });
    expect(await subgraph.exited).toBe(0);
  }, 180_000);
});
