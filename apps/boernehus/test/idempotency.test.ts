import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseworker, coordinator, firstError, type Harness, investigator, M, startBoernehus, steps } from "./support.ts";

const addItem = `mutation($input: AddActionItemInput!, $key: String) { addActionItem(input: $input, idempotencyKey: $key) { id title version } }`;
const plan = `mutation($input: PlanSamraadMeetingInput!, $key: String) { planSamraadMeeting(input: $input, idempotencyKey: $key) { id version scheduledAt participants { sub } } }`;

describe("idempotency keys (one mechanism in the kit, stored in the subgraph's own database)", () => {
  let h: Harness;
  let caseId: string;
  let meetingId: string;
  const keys = async () =>
    Number(((await h.db.$queryRawUnsafe("SELECT count(*)::int AS n FROM samraad_meta.idempotency_key")) as Array<{ n: number }>)[0]?.n);

  beforeAll(async () => {
    h = await startBoernehus();
    const course = await steps(h).activeCourse();
    caseId = course.caseId;
    meetingId = course.meeting.id;
    await steps(h).held(meetingId);
  }, 120_000);
  afterAll(() => h?.stop());

  const item = (title: string) => ({ meetingId, title, owningSector: "POLICE", dueAt: "2026-04-01T09:00:00.000Z" });

  it("a retry with the same key returns the first result and writes nothing new", async () => {
    const key = randomUUID();
    const first = await h.call(investigator, addItem, { input: item("Book videoafhøring"), key });
    const retry = await h.call(investigator, addItem, { input: item("Book videoafhøring"), key });
    expect(first.body.errors).toBeUndefined();
    expect(retry.body).toEqual(first.body);
    expect(await h.db.actionItem.count({ where: { caseId, title: "Book videoafhøring" } })).toBe(1);
  });

  it("returns the first result even when the record has changed since (date-times intact)", async () => {
    const key = randomUUID();
    const input = {
      caseId,
      kind: "FOLLOW_UP",
      scheduledAt: "2026-05-01T10:00:00.000Z",
      agenda: "Opfølgning",
      participants: [{ name: "Syntetisk Deltager", sector: "BOERNEHUS", organisation: "HOVEDSTADEN", role: "coordinator" }],
    };
    const first = await h.call(coordinator, plan, { input, key });
    expect(first.body.errors).toBeUndefined();
    const meeting = first.body.data?.planSamraadMeeting as { id: string; version: number; scheduledAt: string };
    await h.ok(coordinator, M.cancel, { input: { meetingId: meeting.id, reason: "Aflyst (syntetisk)", version: 1 } });
    const retry = await h.call(coordinator, plan, { input, key });
    expect(retry.body).toEqual(first.body);
    expect(meeting.scheduledAt).toBe("2026-05-01T10:00:00.000Z");
    expect(await h.db.samraadMeeting.count({ where: { caseId, kind: "FOLLOW_UP" } })).toBe(1);
  });

  it("the same key with different input is a typed error and changes nothing", async () => {
    const key = randomUUID();
    await h.ok(investigator, addItem, { input: item("Indhent journal"), key });
    const before = await h.db.actionItem.count({ where: { caseId } });
    const reused = await h.call(investigator, addItem, { input: item("Noget helt andet"), key });
    expect(firstError(reused)).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", path: ["addActionItem"] });
    expect(reused.body.errors?.[0]?.message).toMatch(/different input/);
    expect(await h.db.actionItem.count({ where: { caseId } })).toBe(before);
  });

  it("is scoped to the principal and the operation", async () => {
    const key = randomUUID();
    await h.ok(investigator, addItem, { input: item("Samme nøgle, politiet"), key });
    await h.ok(caseworker, addItem, { input: item("Samme nøgle, politiet"), key });
    expect(await h.db.actionItem.count({ where: { caseId, title: "Samme nøgle, politiet" } })).toBe(2);
  });

  it("a failed write does not use up the key: the retry runs", async () => {
    const key = randomUUID();
    const failed = await h.call(investigator, addItem, { input: { ...item("For tidligt"), dueAt: "2020-01-01T00:00:00.000Z" }, key });
    expect(firstError(failed)).toMatchObject({ code: "BAD_USER_INPUT" });
    const countBefore = await keys();
    const ok = await h.call(investigator, addItem, { input: item("Rettet frist"), key });
    expect(ok.body.errors).toBeUndefined();
    expect(await keys()).toBe(countBefore + 1);
  });

  it("concurrent retries with one key write once and all get the first result", async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.call(investigator, addItem, { input: item("Parallel"), key })));
    const ids = new Set(answers.map((a) => (a.body.data?.addActionItem as { id: string } | undefined)?.id));
    expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await h.db.actionItem.count({ where: { caseId, title: "Parallel" } })).toBe(1);
  });

  it("refuses a malformed key before writing", async () => {
    const bad = await h.call(investigator, addItem, { input: item("Dårlig nøgle"), key: "x" });
    expect(firstError(bad)).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    expect(await h.db.actionItem.count({ where: { caseId, title: "Dårlig nøgle" } })).toBe(0);
  });

  it("two editors holding the same version: one wins, the other gets CONFLICT (no silent overwrite)", async () => {
    const created = await h.ok<{ id: string; version: number }>(investigator, addItem, { input: item("Kapløb") });
    const update = (status: string) => h.call(investigator, M.itemStatus, { input: { id: created.id, status, version: created.version } });
    const [a, b] = await Promise.all([update("IN_PROGRESS"), update("DONE")]);
    const codes = [a, b].map((r) => firstError(r).code ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const row = await h.db.actionItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.version).toBe(created.version + 1);
  });
});
