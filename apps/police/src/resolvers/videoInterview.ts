import { type CustodyStatement, MUNICIPALITY_STATEMENT_ISSUER, statementKeysFromEnv, verifyStatement } from "@samraad/access";
import { DomainError, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { interviewOrNotFound, reportOrNotFound } from "../data/find.ts";
import type { VideoInterviewRow } from "../data/rows.ts";
import { assertBookable, assertCanCancel, assertCanRecordHeld, assertVersion } from "../domain/videoInterview.ts";
import type { MutationResolvers, QueryResolvers, VideoInterviewResolvers } from "../generated/graphql.ts";
import { visibleReport } from "./policeReport.ts";

export const VideoInterview: VideoInterviewResolvers = {
  __resolveReference: async (ref, ctx) => visibleInterview(await ctx.loaders.interviewById.load(ref.id), ctx),
};

export const videoInterviewQueries: Pick<QueryResolvers, "videoInterview"> = {
  videoInterview: async (_root, { id }, ctx) =>
    (await visibleInterview(await ctx.loaders.interviewById.load(id), ctx)) ?? Promise.reject(notFound("The video interview")),
};

export const videoInterviewMutations: Pick<MutationResolvers, "bookVideoInterview" | "recordVideoInterviewHeld" | "cancelVideoInterview"> =
  {
    bookVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const report = await reportOrNotFound(tx, ctx, input.policeReportId);
        const custody = await custodyOf(ctx, input.custodyStatement, report.caseId);
        const override = assertBookable({
          reportedAt: report.reportedAt,
          scheduledAt: input.scheduledAt,
          objection: custody.objection,
          override: input.objectionOverride,
        });
        // An override is a decision against a parent's objection: audited on the case as such.
        if (override) ctx.audit.touch("VideoInterview", "objectionOverride", { caseId: report.caseId });
        return tx.videoInterview.create({
          data: {
            policeReportId: report.id,
            scheduledAt: input.scheduledAt,
            interviewerName: input.interviewerName ?? null,
            custodyObjection: custody.objection,
            objectionOverrideBasis: override?.legalBasis ?? null,
            objectionOverrideReason: override?.reason ?? null,
            objectionOverriddenBy: override ? ctx.principal.name : null,
          },
        });
      }),
    recordVideoInterviewHeld: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
        assertVersion(interview, input.version);
        assertCanRecordHeld(interview, input.heldAt, input.observers, ctx.clock.now());
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "HELD", heldAt: input.heldAt, observers: input.observers, version: { increment: 1 } },
        });
      }),
    cancelVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
        assertVersion(interview, input.version);
        const reason = assertCanCancel(interview, input.reason);
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
        });
      }),
  };

/**
 * Whether a custody holder objects is the municipality's record, which the police cannot read:
 * it comes as the municipality's signed statement for this principal and this case
 * (BoernehusCase.custodyStatement, through the gateway), never as the client's word.
 */
async function custodyOf(ctx: Context, token: string | null | undefined, caseId: string): Promise<CustodyStatement> {
  const keys = await statementKeysFromEnv();
  const statement = await verifyStatement("custody", token, {
    sub: ctx.principal.sub,
    issuer: MUNICIPALITY_STATEMENT_ISSUER,
    publicKey: keys.publicKey,
    record: caseId,
  });
  if (statement) return statement;
  ctx.audit.deny("VideoInterview", "custodyStatement", { caseId });
  throw new DomainError(
    "STATEMENT_INVALID",
    "The municipality's statement on custody is missing, expired or for another case: open the case again and book from there.",
    { field: "custodyStatement" },
  );
}

async function visibleInterview(interview: VideoInterviewRow | null, ctx: Context): Promise<VideoInterviewRow | null> {
  if (!interview) return null;
  return visibleReport(await ctx.loaders.reportById.load(interview.policeReportId), ctx) ? interview : null;
}
