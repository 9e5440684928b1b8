import { conflict } from "@samraad/subgraph-kit";
import { lockCase } from "../data/lookup.ts";
import { assertCourseOpen } from "../domain/course.ts";
import { assertMayInvite, assertServes, servingOrganisations } from "../domain/invitation.ts";
import { validateCaseParticipant } from "../domain/participants.ts";
import type { BoernehusCaseResolvers, MutationResolvers } from "../generated/graphql.ts";

/** The organisations a coordinator may invite people of (the invite form offers them). */
export const participantFields: Pick<BoernehusCaseResolvers, "servingOrganisations"> = {
  servingOrganisations: async (course, _args, ctx) => servingOrganisations(course, await ctx.loaders.participantsByCaseId.load(course.id)),
};

export const caseParticipantMutations: Pick<MutationResolvers, "addCaseParticipant"> = {
  addCaseParticipant: async (_root, { input }, ctx) => {
    const participant = validateCaseParticipant(input);
    return ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      assertCourseOpen(course);
      // Who may invite, and only people of the organisations that serve the case (row rules).
      try {
        assertMayInvite(ctx.principal, course);
        const inSamraad = await tx.caseParticipant.findMany({ where: { caseId: course.id }, select: { sector: true, organisation: true } });
        assertServes(participant, servingOrganisations(course, inSamraad));
      } catch (refusal) {
        ctx.audit.deny("CaseParticipant", "invite", { caseId: course.id });
        throw refusal;
      }
      ctx.audit.touch("CaseParticipant", "invite", { caseId: course.id });
      const existing = await tx.caseParticipant.findUnique({ where: { caseId_sub: { caseId: course.id, sub: participant.sub } } });
      if (existing) throw conflict(`${existing.name} (${participant.sub}) already takes part in the case.`);
      return tx.caseParticipant.create({ data: { caseId: course.id, ...participant } });
    });
  },
};
