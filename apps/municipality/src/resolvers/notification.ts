import { assessmentDueAt, assessNotification, recordNotification } from "../domain/notification.ts";
import type { MutationResolvers, NotificationResolvers } from "../generated/graphql.ts";

export const Notification: NotificationResolvers = {
  assessmentDueAt: (notification) => assessmentDueAt(notification),
};

export const notificationMutations: Pick<MutationResolvers, "recordNotification" | "assessNotification"> = {
  recordNotification: (_root, { input }, ctx) => recordNotification(ctx, input),
  assessNotification: (_root, { input }, ctx) => assessNotification(ctx, input),
};
