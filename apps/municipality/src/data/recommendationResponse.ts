import type { Principal } from "@samraad/access";
import type { validateResponse } from "../domain/recommendationResponse.ts";
import type { ResponseKind } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { RecommendationResponseRow, ReferralRow } from "./rows.ts";

/** The answer already given to a recommendation, if any (the write grant bound the recommendation to the case). */
export function answerTo(db: Tx, recommendationId: string): Promise<RecommendationResponseRow | null> {
  return db.recommendationResponse.findUnique({ where: { recommendationId } });
}

/**
 * The answer, on the case whose referral was found with the principal's access (find.ts). The
 * unique recommendationId backs the domain's check against a concurrent second answer (P2002 → CONFLICT).
 */
export function createAnswer(
  db: Tx,
  referral: ReferralRow,
  answer: { recommendationId: string; response: ResponseKind } & ReturnType<typeof validateResponse>,
  by: Principal,
  at: Date,
): Promise<RecommendationResponseRow> {
  return db.recommendationResponse.create({
    data: { caseId: referral.caseId, ...answer, respondedAt: at, respondedBySub: by.sub, respondedByName: by.name },
  });
}
