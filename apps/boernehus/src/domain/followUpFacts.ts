import { badInput, forbidden, isUuid } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { courseStatusesOf } from "../data/boernehusCase.ts";
import { sentNotesWithRecommendations } from "../data/finalNote.ts";

const MAX_WINDOW_MS = 400 * 86_400_000;
const MAX_STATUS_IDS = 1000;

/**
 * What a municipality's alert worker reads of the børnehus's courses. The scope
 * (alerts:follow-up-facts, a municipality's alert worker only) lets the caller ask; the row rule
 * here keeps it to its own municipality's cases, and to ids and one date each.
 */
function assertMunicipality(ctx: Context, what: string): string {
  if (ctx.principal.sector !== "MUNICIPALITY") throw forbidden(`Only a municipality's alert worker reads ${what}.`);
  return ctx.principal.organisation;
}

export async function courseStatuses(ctx: Context, caseIds: readonly string[]) {
  const municipalityCode = assertMunicipality(ctx, "course statuses");
  if (caseIds.length > MAX_STATUS_IDS) throw badInput(`At most ${MAX_STATUS_IDS} case ids at a time.`, "caseIds");
  return courseStatusesOf(ctx.db, caseIds.filter(isUuid), municipalityCode);
}

export async function followUpFacts(ctx: Context, sentFrom: Date | string, sentTo: Date | string) {
  const municipalityCode = assertMunicipality(ctx, "follow-up facts");
  const from = new Date(sentFrom);
  const to = new Date(sentTo);
  if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
    throw badInput("sentFrom must be before sentTo, at most 400 days apart.", "sentFrom");
  }
  return sentNotesWithRecommendations(ctx.db, municipalityCode, from, to);
}
