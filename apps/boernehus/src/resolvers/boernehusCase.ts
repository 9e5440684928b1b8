import { notFound } from "@samraad/subgraph-kit";
import { listCases } from "../data/boernehusCase.ts";
import { grantFor, myAccess } from "../domain/caseAccess.ts";
import { boernehusClocks } from "../domain/clocks.ts";
import { closeCourse, pageSize, registerCourse } from "../domain/course.ts";
import { finalNoteAge } from "../domain/finalNoteAge.ts";
import type { BoernehusCaseResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const BoernehusCase: BoernehusCaseResolvers = {
  // The hub entity: every other subgraph's part of a case is joined on this reference.
  __resolveReference: (ref, ctx) => ctx.access.visibleCase(ref.id),
  participants: (course, _args, ctx) => ctx.loaders.participantsByCaseId.load(course.id),
  samraadMeetings: (course, _args, ctx) => ctx.loaders.meetingsByCaseId.load(course.id),
  actionItems: (course, _args, ctx) => ctx.loaders.actionItemsByCaseId.load(course.id),
  crisisSupportSessions: (course, _args, ctx) => ctx.loaders.crisisSupportByCaseId.load(course.id),
  assessment: (course, _args, ctx) => ctx.loaders.assessmentByCaseId.load(course.id),
  finalNote: (course, _args, ctx) => ctx.loaders.finalNoteByCaseId.load(course.id),
  consultations: (course, _args, ctx) => ctx.loaders.consultationsByCaseId.load(course.id),
  motivationRecords: (course, _args, ctx) => ctx.loaders.motivationRecordsByCaseId.load(course.id),
  boernehusClocks: async (course, _args, ctx) =>
    boernehusClocks(course, await ctx.loaders.finalNoteByCaseId.load(course.id), ctx.clock.definitions, ctx.clock.now()),
  // For the municipality's clocks (@requires): a note counts once it is sent, with the recommendations it was sent with.
  finalNoteSentAt: async (course, _args, ctx) => (await ctx.loaders.finalNoteByCaseId.load(course.id))?.sentAt ?? null,
  recommendationIds: async (course, _args, ctx) => {
    const note = await ctx.loaders.finalNoteByCaseId.load(course.id);
    return note?.sentAt ? (await ctx.loaders.recommendationsByFinalNoteId.load(note.id)).map((r) => r.id) : [];
  },
  // For the municipality's developments since the assessment began (@requires).
  assessmentStartedAt: async (course, _args, ctx) => (await ctx.loaders.assessmentByCaseId.load(course.id))?.startedAt ?? null,
  finalNoteAge: async (course, _args, ctx) => finalNoteAge(course, await ctx.loaders.finalNoteByCaseId.load(course.id), ctx.clock.now()),
  // The principal's access, and the grants the other subgraphs require for this case.
  myAccess: (course, _args, ctx) => myAccess(ctx, course),
  accessGrant: (course, _args, ctx) => grantFor(ctx, course),
  writeGrant: (course, _args, ctx) => grantFor(ctx, course, {}),
};

export const boernehusCaseQueries: Pick<QueryResolvers, "boernehusCase" | "boernehusCases"> = {
  // A guessed id gets NOT_FOUND, exactly like an id that does not exist.
  boernehusCase: async (_root, { id }, ctx) => (await ctx.access.visibleCase(id)) ?? Promise.reject(notFound("The case")),
  boernehusCases: async (_root, { filter, first }, ctx) => {
    const cases = await listCases(ctx.db, filter, pageSize(first), ctx.access.listWhere());
    for (const course of cases) ctx.loaders.caseById.prime(course.id, course);
    return cases;
  },
};

export const boernehusCaseMutations: Pick<MutationResolvers, "registerCourse" | "closeCourse"> = {
  registerCourse: (_root, { input }, ctx) => registerCourse(ctx, input),
  closeCourse: (_root, { input }, ctx) => closeCourse(ctx, input),
};
