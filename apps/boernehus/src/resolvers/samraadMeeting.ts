import { nonEmpty, notFound } from "@samraad/subgraph-kit";
import { findMeeting, lockCase, MEETING } from "../data/lookup.ts";
import { statusAfterPlanning } from "../domain/course.ts";
import { assertServes, servingOrganisations } from "../domain/invitation.ts";
import { validateMeetingParticipants } from "../domain/participants.ts";
import {
  assertCanCancel,
  assertCanMove,
  assertCanPlan,
  assertCanRecordHeld,
  validateAgenda,
  validateDecisions,
} from "../domain/samraadMeeting.ts";
import { assertUpdated, assertVersion } from "../domain/version.ts";
import type { MutationResolvers, QueryResolvers, SamraadMeetingResolvers } from "../generated/graphql.ts";

export const SamraadMeeting: SamraadMeetingResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.meetingById.load(ref.id)),
  participants: (meeting, _args, ctx) => ctx.loaders.meetingParticipantsByMeetingId.load(meeting.id),
  decisions: (meeting, _args, ctx) => ctx.loaders.decisionsByMeetingId.load(meeting.id),
  actionItems: (meeting, _args, ctx) => ctx.loaders.actionItemsByMeetingId.load(meeting.id),
};

export const samraadMeetingQueries: Pick<QueryResolvers, "samraadMeeting"> = {
  samraadMeeting: async (_root, { id }, ctx) =>
    (await ctx.access.visibleRow(await ctx.loaders.meetingById.load(id))) ?? Promise.reject(notFound(MEETING)),
};

export const samraadMeetingMutations: Pick<
  MutationResolvers,
  "planSamraadMeeting" | "recordSamraadMeetingHeld" | "cancelSamraadMeeting" | "moveSamraadMeeting"
> = {
  planSamraadMeeting: async (_root, { input }, ctx) => {
    const agenda = validateAgenda(input.agenda);
    const participants = validateMeetingParticipants(input.participants, input.kind);
    return ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      const meetings = await tx.samraadMeeting.findMany({ where: { caseId: course.id } });
      assertCanPlan({ course, kind: input.kind, meetings, scheduledAt: input.scheduledAt });
      // A person who signs in and is not on the case yet is invited by this plan: the same rule as
      // addCaseParticipant, only people of the organisations that serve the case (docs/access-model.md).
      const onCase = await tx.caseParticipant.findMany({
        where: { caseId: course.id },
        select: { sub: true, sector: true, organisation: true },
      });
      const serving = servingOrganisations(course, onCase);
      for (const [i, p] of participants.entries()) {
        if (!p.sub || onCase.some((c) => c.sub === p.sub)) continue;
        try {
          assertServes(p, serving, `participants[${i}].organisation`);
        } catch (refusal) {
          ctx.audit.deny("CaseParticipant", "invite", { caseId: course.id });
          throw refusal;
        }
      }
      const meeting = await tx.samraadMeeting.create({
        data: {
          caseId: course.id,
          kind: input.kind,
          scheduledAt: input.scheduledAt,
          agenda,
          participants: { create: participants.map((p, position) => ({ position, ...p })) },
        },
      });
      // Invited people who sign in become case participants: that is what lets them see the case.
      for (const { sub, ...person } of participants) {
        if (!sub) continue;
        await tx.caseParticipant.upsert({
          where: { caseId_sub: { caseId: course.id, sub } },
          create: { caseId: course.id, sub, ...person },
          update: person,
        });
      }
      const status = statusAfterPlanning(course);
      if (status !== course.status) await tx.boernehusCase.update({ where: { id: course.id }, data: { status } });
      return meeting;
    });
  },

  recordSamraadMeetingHeld: async (_root, { input }, ctx) => {
    const minutes = nonEmpty(input.minutes, "minutes", 50_000);
    const decisions = validateDecisions(input.decisions);
    return ctx.db.$transaction(async (tx) => {
      const meeting = await findMeeting(tx, input.meetingId);
      const course = await lockCase(tx, meeting.caseId, ctx.access, "write", MEETING);
      const planning =
        meeting.kind === "FOLLOW_UP"
          ? await tx.samraadMeeting.findFirst({ where: { caseId: course.id, kind: "PLANNING", status: "HELD" } })
          : null;
      assertCanRecordHeld({ meeting, course, planningHeldAt: planning?.heldAt ?? null, heldAt: input.heldAt, now: ctx.clock.now() });
      assertVersion(MEETING, meeting, input.version);
      const { count } = await tx.samraadMeeting.updateMany({
        where: { id: meeting.id, version: input.version },
        data: { status: "HELD", heldAt: input.heldAt, minutes, version: { increment: 1 } },
      });
      assertUpdated(MEETING, count);
      await tx.activityDecision.createMany({ data: decisions.map((d, position) => ({ meetingId: meeting.id, position, ...d })) });
      return tx.samraadMeeting.findUniqueOrThrow({ where: { id: meeting.id } });
    });
  },

  cancelSamraadMeeting: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const meeting = await findMeeting(tx, input.meetingId);
      const course = await lockCase(tx, meeting.caseId, ctx.access, "write", MEETING);
      const reason = assertCanCancel(meeting, course, input.reason);
      assertVersion(MEETING, meeting, input.version);
      const { count } = await tx.samraadMeeting.updateMany({
        where: { id: meeting.id, version: input.version },
        data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
      });
      assertUpdated(MEETING, count);
      return tx.samraadMeeting.findUniqueOrThrow({ where: { id: meeting.id } });
    }),
  moveSamraadMeeting: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const meeting = await findMeeting(tx, input.meetingId);
      const course = await lockCase(tx, meeting.caseId, ctx.access, "write", MEETING);
      const planning =
        meeting.kind === "FOLLOW_UP"
          ? await tx.samraadMeeting.findFirst({ where: { caseId: course.id, kind: "PLANNING", status: "HELD" } })
          : null;
      assertCanMove({ meeting, course, planningHeldAt: planning?.heldAt ?? null, scheduledAt: input.scheduledAt });
      assertVersion(MEETING, meeting, input.version);
      const { count } = await tx.samraadMeeting.updateMany({
        where: { id: meeting.id, version: input.version },
        data: { scheduledAt: input.scheduledAt, version: { increment: 1 } },
      });
      assertUpdated(MEETING, count);
      return tx.samraadMeeting.findUniqueOrThrow({ where: { id: meeting.id } });
    }),
};
