import { addSpan, clockDefinitions } from "@samraad/clocks";
import { assertNotInFuture, assertOrdered, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { NotificationRow } from "../data/rows.ts";

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
