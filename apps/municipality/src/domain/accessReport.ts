import { notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { childIdByCpr } from "../data/child.ts";
import { actsFor } from "./access.ts";
import { cprForLookup } from "./cpr.ts";

/**
 * The data protection officer's access report for one child: only the officer of the child's
 * own municipality gets it (the child and its cases); anyone else is told the child was not found.
 */
export async function accessReportFor(ctx: Context, childId: string): Promise<{ childId: string; caseIds: string[] } | null> {
  const child = await ctx.loaders.childById.load(childId);
  if (!child || !ctx.principal.roles.includes("dpo") || !actsFor(ctx.principal, child.municipalityCode)) return null;
  const referrals = await ctx.loaders.referralsByChildId.load(child.id);
  return { childId: child.id, caseIds: referrals.map((r) => r.caseId) };
}

export async function accessReportForCpr(ctx: Context, cpr: string): Promise<{ childId: string; caseIds: string[] }> {
  const form = cprForLookup(cpr);
  // Only the officer looks a child up by number; everyone else learns nothing, not even whether the number exists.
  const child = ctx.principal.roles.includes("dpo") ? await childIdByCpr(ctx.db, form) : null;
  return (child && (await accessReportFor(ctx, child.id))) ?? Promise.reject(notFound("The child"));
}
