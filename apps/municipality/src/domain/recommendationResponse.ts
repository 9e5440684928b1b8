import type { OtherSupportKind } from "@samraad/access/vocabulary";
import { assertUuid, badInput, conflict, nonEmpty, requireWriteGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { referralOrNotFound } from "../data/find.ts";
import { measureOfCase } from "../data/measure.ts";
import { answerTo, createAnswer } from "../data/recommendationResponse.ts";
import type { MeasureRow, RecommendationResponseRow } from "../data/rows.ts";
import type { RespondToRecommendationInput } from "../generated/graphql.ts";

type ResponseKind = "MEASURE" | "OTHER_SUPPORT" | "DECLINED";
type DeclineReason = "FAMILY_MOTIVATION" | "NOT_NEEDED" | "SUPPORT_ELSEWHERE" | "OTHER";

export interface ResponseInput {
  caseId: string;
  response: ResponseKind;
  measure: MeasureRow | null;
  measureId?: string | null;
  otherSupport?: string | null;
  otherSupportKind?: OtherSupportKind | null;
  declineReason?: DeclineReason | null;
  note?: string | null;
}

/**
 * The municipality is not bound by the recommendations, but it must answer each one:
 * followed with a measure of the same case, other support (named), or declined (with a
 * reason, so the national data can show e.g. the family's lack of motivation). One answer each.
 * Other support names its kind, so the difference between the 67% and the 76% (seed 000) can be
 * told apart: alongside the course, early preventive support, or private treatment.
 */
export function validateResponse(existing: RecommendationResponseRow | null, input: ResponseInput) {
  if (existing) {
    // Neither the answer nor when: the caller may not be the one who gave it (issue 19).
    throw conflict("The recommendation was already answered. Reload the case to see the answer.");
  }
  const note = input.note == null || input.note.trim() === "" ? null : nonEmpty(input.note, "note", 5000);
  const onlyFor = (field: string, kind: ResponseKind) => badInput(`${field} belongs only to a response of ${kind}.`, field);
  if (input.response !== "MEASURE" && input.measureId) throw onlyFor("measureId", "MEASURE");
  if (input.response !== "OTHER_SUPPORT" && input.otherSupport) throw onlyFor("otherSupport", "OTHER_SUPPORT");
  if (input.response !== "OTHER_SUPPORT" && input.otherSupportKind) throw onlyFor("otherSupportKind", "OTHER_SUPPORT");
  if (input.response !== "DECLINED" && input.declineReason) throw onlyFor("declineReason", "DECLINED");
  switch (input.response) {
    case "MEASURE":
      if (!input.measureId) throw badInput("A response of MEASURE needs measureId: decide the measure first (decideMeasure).", "measureId");
      if (!input.measure || input.measure.caseId !== input.caseId) {
        throw badInput("measureId must name a measure decided for the same case.", "measureId");
      }
      return { measureId: input.measure.id, otherSupport: null, otherSupportKind: null, declineReason: null, note };
    case "OTHER_SUPPORT": {
      const otherSupport = nonEmpty(input.otherSupport ?? "", "otherSupport", 2000);
      if (!input.otherSupportKind) {
        throw badInput(
          "A response of OTHER_SUPPORT needs an otherSupportKind: alongside the course, early preventive, or private treatment.",
          "otherSupportKind",
        );
      }
      return { measureId: null, otherSupport, otherSupportKind: input.otherSupportKind, declineReason: null, note };
    }
    case "DECLINED":
      if (!input.declineReason) throw badInput("A response of DECLINED needs a declineReason.", "declineReason");
      if (input.declineReason === "OTHER" && !note) throw badInput("declineReason OTHER needs a note saying why.", "note");
      return { measureId: null, otherSupport: null, otherSupportKind: null, declineReason: input.declineReason, note };
  }
}

/** The answer: on the municipality's own case, to a recommendation the børnehus's write grant binds to that case. */
export function respondToRecommendation(ctx: Context, input: RespondToRecommendationInput): Promise<RecommendationResponseRow> {
  return inTransaction(ctx.db, async (tx) => {
    const recommendationId = assertUuid(input.recommendationId, "recommendationId");
    const referral = await referralOrNotFound(tx, ctx, input.caseId);
    // The recommendation is the børnehus's: its write grant binds it to this case (issue 19).
    await requireWriteGrant(ctx, input.recommendationGrant, {
      caseId: referral.caseId,
      record: recommendationId,
      what: "The recommendation",
    });
    const measure = await measureOfCase(tx, referral, input.measureId);
    const answer = validateResponse(await answerTo(tx, recommendationId), { ...input, caseId: referral.caseId, measure });
    return createAnswer(tx, referral, { recommendationId, response: input.response, ...answer }, ctx.principal, ctx.clock.now());
  });
}
