import { notFound, requireWriteGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { examinationOrNotFound } from "../data/find.ts";
import type { MedicalExaminationRow } from "../data/rows.ts";
import { assertHealthOfRegion, healthOfRegion } from "../domain/access.ts";
import { assertCanCancel, assertCanRecordPerformed, assertVersion, validateSchedule } from "../domain/medicalExamination.ts";
import type { MedicalExaminationResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const MedicalExamination: MedicalExaminationResolvers = {
  __resolveReference: async (ref, ctx) => visibleExamination(await ctx.loaders.examinationById.load(ref.id), ctx),
  onwardReferrals: (exam, _args, ctx) => ctx.loaders.referralsByExaminationId.load(exam.id),
};

export const medicalExaminationQueries: Pick<QueryResolvers, "medicalExamination"> = {
  medicalExamination: async (_root, { id }, ctx) =>
    visibleExamination(await ctx.loaders.examinationById.load(id), ctx) ?? Promise.reject(notFound("The medical examination")),
};

export const medicalExaminationMutations: Pick<
  MutationResolvers,
  "scheduleMedicalExamination" | "recordMedicalExaminationPerformed" | "cancelMedicalExamination"
> = {
  scheduleMedicalExamination: async (_root, { input }, ctx) => {
    // Only in the principal's own region: a region books its own hospitals.
    assertHealthOfRegion(ctx.principal, input.hospitalRegion);
    const valid = validateSchedule(input);
    // The case is the børnehus's: only its write grant says this principal may write to it.
    await requireWriteGrant(ctx, input.caseGrant, { caseId: valid.caseId });
    return ctx.db.medicalExamination.create({
      data: { ...valid, kind: input.kind, scheduledAt: input.scheduledAt, hospitalRegion: input.hospitalRegion },
    });
  },
  recordMedicalExaminationPerformed: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
      assertVersion(exam, input.version);
      const record = assertCanRecordPerformed(exam, input, ctx.clock.now());
      return tx.medicalExamination.update({
        where: { id: exam.id, version: input.version },
        data: { ...record, status: "PERFORMED", performedAt: input.performedAt, version: { increment: 1 } },
      });
    }),
  cancelMedicalExamination: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
      assertVersion(exam, input.version);
      const reason = assertCanCancel(exam, input.reason);
      return tx.medicalExamination.update({
        where: { id: exam.id, version: input.version },
        data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
      });
    }),
};

/** An examination outside the principal's region (or sector) is answered as if it did not exist. */
export function visibleExamination(exam: MedicalExaminationRow | null, ctx: Context): MedicalExaminationRow | null {
  return exam && healthOfRegion(ctx.principal, exam.hospitalRegion) ? exam : null;
}
