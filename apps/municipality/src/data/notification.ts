import type { Tx } from "./find.ts";
import type { ChildRow, NotificationRow } from "./rows.ts";

/** A notification about the child as found with the principal's access (find.ts). */
export function createNotification(
  db: Tx,
  child: ChildRow,
  data: Pick<NotificationRow, "receivedAt" | "source" | "concern">,
): Promise<NotificationRow> {
  return db.notification.create({ data: { childId: child.id, ...data } });
}

/** `assessedAt: null` in the where: a concurrent second assessment fails instead of overwriting the first. */
export function markNotificationAssessed(db: Tx, notification: NotificationRow, assessedAt: Date): Promise<NotificationRow> {
  return db.notification.update({ where: { id: notification.id, assessedAt: null }, data: { assessedAt } });
}
