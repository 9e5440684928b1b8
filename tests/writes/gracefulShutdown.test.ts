import { randomUUID } from "node:crypto";
import http from "node:http";
import { INTERNAL_TOKEN_HEADER, type Principal, scopesFor, signInternalToken } from "@samraad/access";
import { createEmptyTestDatabase } from "@samraad/db";
import { ensureTestKeys, testInternalSigningKey } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
      key: await testInternalSigningKey(),
    });
    // A slow client: the request is under way (headers and half the body sent) when SIGTERM arrives.
    // `Expect: 100-continue` makes the server say when it has the request in hand: no sleeps.
    const slow = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        expect: "100-continue",
        [INTERNAL_TOKEN_HEADER]: token,
      },
    });
    const accepted = new Promise<void>((resolve) => slow.once("continue", () => resolve()));
    slow.flushHeaders();
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
    await accepted;
    const half = Math.floor(body.length / 2);
    await new Promise<void>((resolve, reject) => slow.write(body.slice(0, half), (error) => (error ? reject(error) : resolve())));

    const child = subgraph.child;
    child.kill("SIGTERM");
    // New requests are refused while it drains: waits (up to 5 s) for the listener to close,
    // and checks at every try that the process is still there, holding the request in flight.
    await vi.waitFor(
      async () => {
        expect(child.exitCode).toBeNull();
        await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(child.exitCode).toBeNull();

    slow.end(body.slice(half));
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toEqual({ data: { boernehusCases: [] } });
    expect(await subgraph.exited).toBe(0);
  }, 180_000);
});
