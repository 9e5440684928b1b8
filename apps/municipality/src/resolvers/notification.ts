import { childOrNotFound, notificationOrNotFound } from "../data/find.ts";
import { assertAssessable, assessmentDueAt, validateNewNotification } from "../domain/notification.ts";
import type { MutationResolvers, NotificationResolvers } from "../generated/graphql.ts";

export const Notification: NotificationResolvers = {
  assessmentDueAt: (notification) => assessmentDueAt(notification),
};

export const notificationMutations: Pick<MutationResolvers, "recordNotification" | "assessNotification"> = {
  recordNotification: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, ctx, input.childId);
      const { receivedAt, concern } = validateNewNotification(input, ctx.clock.now());
      return tx.notification.create({ data: { childId: child.id, receivedAt, source: input.source, concern } });
    }),
  assessNotification: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const notification = await notificationOrNotFound(tx, ctx, input.notificationId);
      assertAssessable(notification, input.assessedAt, ctx.clock.now());
      // `assessedAt: null` in the where: a concurrent second assessment fails instead of overwriting the first.
      return tx.notification.update({ where: { id: notification.id, assessedAt: null }, data: { assessedAt: input.assessedAt } });
    }),
};
