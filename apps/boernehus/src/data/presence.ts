import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import type { Db } from "./client.ts";

/** A replica touches its rows this often; a row not touched for PRESENCE_STALE_MS is a replica that died. */
export const PRESENCE_TOUCH_MS = 15_000;
export const PRESENCE_STALE_MS = 45_000;

/**
 * Records that `principal` has a meeting of a case open, until the returned function is
 * called. The insert and the delete fire the live trigger (PRESENCE events); touching does not.
 */
export async function enterPresence(
  db: Db,
  principal: Principal,
  caseId: string,
  meetingId: string,
  now: () => Date,
): Promise<() => Promise<void>> {
  const id = randomUUID();
  await db.livePresence.create({
    data: { id, caseId, meetingId, sub: principal.sub, name: principal.name, sector: principal.sector, seenAt: now() },
  });
  const touch = setInterval(() => {
    db.livePresence.updateMany({ where: { id }, data: { seenAt: now() } }).catch(() => {});
  }, PRESENCE_TOUCH_MS);
  touch.unref();
  return async () => {
    clearInterval(touch);
    await db.livePresence.deleteMany({ where: { id } });
  };
}

/** The others who have the meeting open now: one entry per person, never the asker. */
export async function meetingViewers(db: Db, meetingId: string, except: Principal, now: Date) {
  const rows = await db.livePresence.findMany({
    where: { meetingId, sub: { not: except.sub }, seenAt: { gt: new Date(now.getTime() - PRESENCE_STALE_MS) } },
    orderBy: { seenAt: "asc" },
    select: { sub: true, name: true, sector: true },
  });
  const bySub = new Map(rows.map((r) => [r.sub, { name: r.name, sector: r.sector }]));
  return [...bySub.values()];
}
