import { ACTION_ITEM, findActionItem, findMeeting, lockCase, MEETING } from "../data/lookup.ts";
import { assertMayChangeStatus, nextStatus, validateNewActionItem } from "../domain/actionItem.ts";
import { assertCourseOpen } from "../domain/course.ts";
import { assertUpdated, assertVersion } from "../domain/version.ts";
import type { ActionItemResolvers, MutationResolvers } from "../generated/graphql.ts";

export const ActionItem: ActionItemResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.actionItemById.load(ref.id)),
};

export const actionItemMutations: Pick<MutationResolvers, "addActionItem" | "updateActionItemStatus"> = {
  addActionItem: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const meeting = await findMeeting(tx, input.meetingId);
      const course = await lockCase(tx, meeting.caseId, ctx.access, "participate", MEETING);
      const item = validateNewActionItem({ course, meeting, title: input.title, owningSector: input.owningSector, dueAt: input.dueAt });
      return tx.actionItem.create({ data: { meetingId: meeting.id, caseId: course.id, ...item } });
    }),

  updateActionItemStatus: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const item = await findActionItem(tx, input.id);
      // Row level first: an item of a case the principal may not see is not found, whoever owns it.
      const course = await lockCase(tx, item.caseId, ctx.access, "participate", ACTION_ITEM);
      // The version first: a write from a stale page is a CONFLICT (reload and see), never a
      // rule about a status the writer has not seen yet.
      assertVersion(ACTION_ITEM, item, input.version);
      assertMayChangeStatus(ctx.principal, item);
      assertCourseOpen(course);
      const next = nextStatus(item, input.status, ctx.clock.now());
      const { count } = await tx.actionItem.updateMany({
        where: { id: item.id, version: input.version },
        data: { ...next, version: { increment: 1 } },
      });
      assertUpdated(ACTION_ITEM, count);
      return tx.actionItem.findUniqueOrThrow({ where: { id: item.id } });
    }),
};
