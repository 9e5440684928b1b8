import { addSpan, clockDefinitions } from "@samraad/clocks";
import { assertNotInFuture, assertOrdered, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { childOrNotFound, notificationOrNotFound } from "../data/find.ts";
import { createNotification, markNotificationAssessed } from "../data/notification.ts";
import type { NotificationRow } from "../data/rows.ts";
import type { AssessNotificationInput, RecordNotificationInput } from "../generated/graphql.ts";

/** A notification (underretning) must be assessed within 24 hours of receipt (the NOTIFICATION_ASSESSMENT clock). */
export const assessmentDueAt = (notification: Pick<NotificationRow, "receivedAt">): Date =>
  addSpan(notification.receivedAt, clockDefinitions().NOTIFICATION_ASSESSMENT.deadline);

export function validateNewNotification(input: { receivedAt: Date; concern: string }, now: Date) {
  assertNotInFuture(input.receivedAt, "receivedAt", now);
  return { receivedAt: input.receivedAt, concern: nonEmpty(input.concern, "concern", 5000) };
}

export function assertAssessable(notification: NotificationRow, assessedAt: Date, now: Date): void {
  if (notification.assessedAt) {
    throw invalidTransition(`The notification was already assessed at ${notification.assessedAt.toISOString()}.`);
  }
  assertOrdered({ name: "receivedAt", value: notification.receivedAt }, { name: "assessedAt", value: assessedAt });
  assertNotInFuture(assessedAt, "assessedAt", now);
}

// The writes: each rule above, applied to the record as the data layer finds it with the principal's access.

export function recordNotification(ctx: Context, input: RecordNotificationInput): Promise<NotificationRow> {
  return inTransaction(ctx.db, async (tx) => {
    const child = await childOrNotFound(tx, ctx, input.childId);
    const { receivedAt, concern } = validateNewNotification(input, ctx.clock.now());
    return createNotification(tx, child, { receivedAt, source: input.source, concern });
  });
}

export function assessNotification(ctx: Context, input: AssessNotificationInput): Promise<NotificationRow> {
  return inTransaction(ctx.db, async (tx) => {
    const notification = await notificationOrNotFound(tx, ctx, input.notificationId);
    assertAssessable(notification, input.assessedAt, ctx.clock.now());
    return markNotificationAssessed(tx, notification, input.assessedAt);
  });
}
