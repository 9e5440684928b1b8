import { addActionItem, updateActionItemStatus } from "../domain/actionItem.ts";
import type { ActionItemResolvers, MutationResolvers } from "../generated/graphql.ts";

export const ActionItem: ActionItemResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.actionItemById.load(ref.id)),
};

export const actionItemMutations: Pick<MutationResolvers, "addActionItem" | "updateActionItemStatus"> = {
  addActionItem: (_root, { input }, ctx) => addActionItem(ctx, input),
  updateActionItemStatus: (_root, { input }, ctx) => updateActionItemStatus(ctx, input),
};
