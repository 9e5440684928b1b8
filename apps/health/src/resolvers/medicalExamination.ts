import { notFound } from "@samraad/subgraph-kit";
import { isUuid } from "../domain/ids.ts";
import { assertCanCancel, assertCanRecordPerformed, assertVersion, validateSchedule } from "../domain/medicalExamination.ts";
import type { MedicalExaminationResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const MedicalExamination: MedicalExaminationResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.examinationById.load(ref.id),
  onwardReferrals: (exam, _args, ctx) => ctx.loaders.referralsByExaminationId.load(exam.id),
};

export const medicalExaminationQueries: Pick<QueryResolvers, "medicalExamination"> = {
  medicalExamination: async (_root, { id }, ctx) => (await ctx.loaders.examinationById.load(id)) ?? null,
};

export const medicalExaminationMutations: Pick<
  MutationResolvers,
  "scheduleMedicalExamination" | "recordMedicalExaminationPerformed" | "cancelMedicalExamination"
> = {
  scheduleMedicalExamination: async (_root, { input }, ctx) => {
    const valid = validateSchedule(input);
    return ctx.db.medicalExamination.create({
      data: { ...valid, kind: input.kind, scheduledAt: input.scheduledAt, hospitalRegion: input.hospitalRegion },
    });
  },
  recordMedicalExaminationPerformed: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = isUuid(input.examinationId) ? await tx.medicalExamination.findUnique({ where: { id: input.examinationId } }) : null;
      if (!exam) throw notFound("The medical examination");
      assertVersion(exam, input.version);
      const record = assertCanRecordPerformed(exam, input);
      return tx.medicalExamination.update({
        where: { id: exam.id, version: input.version },
        data: { ...record, status: "PERFORMED", performedAt: input.performedAt, version: { increment: 1 } },
      });
    }),
  cancelMedicalExamination: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = isUuid(input.examinationId) ? await tx.medicalExamination.findUnique({ where: { id: input.examinationId } }) : null;
      if (!exam) throw notFound("The medical examination");
      assertVersion(exam, input.version);
      const reason = assertCanCancel(exam, input.reason);
      return tx.medicalExamination.update({
        where: { id: exam.id, version: input.version },
        data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
      });
    }),
};
