import { getEventListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The gateway must not pile abort listeners onto a signal that outlives the request
 * (apps/gateway/src/upstream/upstreamSignals.ts). Node's addEventListener walks a signal's whole
 * listener list, so a pile makes every subgraph request slower the longer the gateway runs.
 * A count, not a timing: after 60 case lists (four subgraph requests each) no signal still
 * reachable may hold more than a handful of listeners.
 */
const CASE_LIST = /* GraphQL */ `
  query CaseList {
    boernehusCases(first: 5) { id child { firstName } policeReport { journalNumber } medicalExaminations { kind } }
  }
`;

let stack: Stack;
const signals: WeakRef<AbortSignal>[] = [];
const original = EventTarget.prototype.addEventListener;

beforeAll(async () => {
  stack = await startStack({ courses: 20, coursesPerYear: 20 });
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (type === "abort" && this instanceof AbortSignal) signals.push(new WeakRef(this));
    return original.call(this, type, listener, options);
  };
}, 600_000);
afterAll(async () => {
  EventTarget.prototype.addEventListener = original;
  await stack?.stop();
});

describe("the gateway's subgraph requests", () => {
  it("leave no pile of abort listeners on a long-lived signal", async () => {
    for (let i = 0; i < 60; i++) {
      const res = await stack.query<{ boernehusCases: unknown[] }>("leader-boernehus-hovedstaden", CASE_LIST);
      expect(res.errors).toBeUndefined();
      expect(res.data?.boernehusCases.length).toBeGreaterThan(0);
    }
    expect(signals.length).toBeGreaterThan(60); // the requests did combine signals
    const most = Math.max(...signals.map((ref) => ref.deref()).map((signal) => (signal ? getEventListeners(signal, "abort").length : 0)));
    expect(most).toBeLessThan(10);
  });
});
