import { createHash } from "node:crypto";
import { BOERNEHUS_REGIONS } from "@samraad/access";
import { seedInstant as at, seedInstantOrNull as atOrNull, type BulkInsertTarget, bulkInsert, rowsOf } from "@samraad/subgraph-kit";
import { motivationRowsAt, type SyntheticCourse } from "@samraad/synthetic";
import { DEFAULT_SURVEY_QUESTIONS, RESPONDENT_ORDER } from "../domain/survey.ts";
import type { Prisma, SurveyRespondent } from "../generated/prisma/client.ts";

/**
 * Writes the børnehus part of synthetic courses: one transaction per batch, one
 * set-wise INSERT per table (the seeding script calls this in batches for 100k courses).
 */
export async function seedBoernehus(db: BulkInsertTarget, courses: SyntheticCourse[]): Promise<void> {
  await seedDefaultQuestionSets(db);
  await bulkInsert(db, [
    rowsOf<Prisma.BoernehusCaseCreateManyInput>(
      "BoernehusCase",
      courses.map((c) => ({
        id: c.caseId,
        region: c.region,
        municipalityCode: c.municipalityCode,
        type: c.course.type,
        status: c.course.status,
        abuseTypes: c.course.abuseTypes,
        burdenLevel: c.course.burdenLevel,
        childAgeAtReferral: c.course.childAgeAtReferral,
        referralReceivedAt: at(c.course.referralReceivedAt),
        closedAt: atOrNull(c.course.closedAt),
      })),
    ),
    rowsOf<Prisma.CaseParticipantCreateManyInput>("CaseParticipant", courses.flatMap(caseParticipants)),
    rowsOf<Prisma.SamraadMeetingCreateManyInput>(
      "SamraadMeeting",
      courses.flatMap((c) =>
        c.meetings.map((m) => ({
          id: m.id,
          caseId: c.caseId,
          kind: m.kind,
          status: m.status,
          scheduledAt: at(m.scheduledAt),
          heldAt: atOrNull(m.heldAt),
          agenda: m.agenda,
          minutes: m.minutes,
          cancellationReason: m.status === "CANCELLED" ? "Aflyst: ny dato aftales" : null,
        })),
      ),
    ),
    rowsOf<Prisma.MeetingParticipantCreateManyInput>(
      "MeetingParticipant",
      courses.flatMap((c) => {
        const bySub = new Map(c.participants.map((p) => [p.sub, p]));
        return c.meetings.flatMap((m) =>
          m.participantSubs.flatMap((sub, position) => {
            const p = bySub.get(sub);
            return p
              ? [{ meetingId: m.id, position, sub, name: p.name, sector: p.sector, organisation: p.organisation, role: p.role }]
              : [];
          }),
        );
      }),
    ),
    rowsOf<Prisma.ActivityDecisionCreateManyInput>(
      "ActivityDecision",
      courses.flatMap((c) =>
        c.meetings.flatMap((m) =>
          m.decisions.map((d, position) => ({
            id: d.id,
            meetingId: m.id,
            position,
            activity: d.activity,
            decision: d.decision,
            responsibleSector: d.responsibleSector,
          })),
        ),
      ),
    ),
    rowsOf<Prisma.ActionItemCreateManyInput>(
      "ActionItem",
      courses.flatMap((c) =>
        c.meetings.flatMap((m) =>
          m.actionItems.map((a) => ({
            id: a.id,
            meetingId: m.id,
            caseId: c.caseId,
            title: a.title,
            owningSector: a.owningSector,
            dueAt: at(a.dueAt),
            status: a.status,
            completedAt: atOrNull(a.completedAt),
          })),
        ),
      ),
    ),
    rowsOf<Prisma.CrisisSupportSessionCreateManyInput>(
      "CrisisSupportSession",
      courses.flatMap((c) =>
        c.crisisSupport.map((s) => ({
          id: s.id,
          caseId: c.caseId,
          recipient: s.recipient,
          heldAt: at(s.heldAt),
          counsellorName: s.counsellorName,
          notes: s.notes,
        })),
      ),
    ),
    rowsOf<Prisma.AssessmentCreateManyInput>(
      "Assessment",
      courses.flatMap((c) =>
        c.assessment
          ? [
              {
                id: c.assessment.id,
                caseId: c.caseId,
                startedAt: at(c.assessment.startedAt),
                completedAt: atOrNull(c.assessment.completedAt),
                // As completeAssessment does: the summary is written when the assessment is completed.
                summary: c.assessment.completedAt ? c.assessment.summary : null,
              },
            ]
          : [],
      ),
    ),
    rowsOf<Prisma.FinalNoteCreateManyInput>(
      "FinalNote",
      courses.flatMap((c) =>
        c.finalNote
          ? [
              {
                id: c.finalNote.id,
                caseId: c.caseId,
                status: c.finalNote.status,
                text: c.finalNote.text,
                draftedAt: at(c.finalNote.draftedAt),
                signedAt: atOrNull(c.finalNote.signedAt),
                // The synthetic model names the signer by sub; the name comes from the case's participants.
                signedBySub: c.finalNote.signedBy,
                signedByName: c.participants.find((p) => p.sub === c.finalNote?.signedBy)?.name ?? null,
                sentAt: atOrNull(c.finalNote.sentAt),
              },
            ]
          : [],
      ),
    ),
    rowsOf<Prisma.RecommendationCreateManyInput>(
      "Recommendation",
      courses.flatMap((c) =>
        (c.finalNote?.recommendations ?? []).map((r, position) => ({
          id: r.id,
          finalNoteId: c.finalNote?.id as string,
          caseId: c.caseId,
          position,
          kind: r.kind,
          description: r.description,
        })),
      ),
    ),
    rowsOf<Prisma.ConsultationCreateManyInput>(
      "Consultation",
      courses.flatMap((c) =>
        c.consultations.map((k) => ({
          id: k.id,
          caseId: c.caseId,
          heldAt: at(k.heldAt),
          withSector: k.withSector,
          summary: k.summary,
          // The municipality consulted: recorded by whoever held the case then.
          recordedBySector: "MUNICIPALITY" as const,
          recordedByName: caseworkerAt(c, k.heldAt),
        })),
      ),
    ),
    rowsOf<Prisma.MotivationRecordCreateManyInput>(
      "MotivationRecord",
      motivationRowsAt(courses, ["PLANNING_SAMRAAD", "FINAL_NOTE"] as const),
    ),
    rowsOf<Prisma.SurveyLinkCreateManyInput>(
      "SurveyLink",
      courses.flatMap((c) =>
        c.surveys.map((s) => ({
          id: s.id,
          caseId: c.caseId,
          region: c.region,
          respondent: s.respondent,
          questionSetId: defaultSetId(c.region, s.respondent),
          // A synthetic link has no token anyone holds: the hash of its id stands in.
          tokenHash: createHash("sha256").update(`synthetic-survey:${s.id}`).digest("hex"),
          issuedAt: at(s.issuedAt),
          expiresAt: at(s.expiresAt),
          issuedBy: "synthetic",
          answeredAt: atOrNull(s.answeredAt),
        })),
      ),
    ),
    rowsOf<Prisma.SurveyAnswerCreateManyInput>(
      "SurveyAnswer",
      courses.flatMap((c) =>
        c.surveys.flatMap((s) =>
          s.scores.flatMap((score, position) => {
            const key = DEFAULT_SURVEY_QUESTIONS[s.respondent][position]?.key;
            return score === null || !key ? [] : [{ linkId: s.id, questionKey: key, score }];
          }),
        ),
      ),
    ),
  ]);
}

/** The default question set's row (version 0) of a børnehus and kind of respondent: one fixed id. */
function defaultSetId(region: string, respondent: SurveyRespondent): string {
  const hex = createHash("sha256").update(`survey-set:${region}:${respondent}:0`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Every børnehus's default sets, stored as version 0 so the synthetic links can point at them;
 * once per database (the seed runs in batches), hence ON CONFLICT DO NOTHING.
 */
async function seedDefaultQuestionSets(db: BulkInsertTarget): Promise<void> {
  const rows = BOERNEHUS_REGIONS.flatMap((region) =>
    RESPONDENT_ORDER.map((respondent) => ({
      id: defaultSetId(region, respondent),
      region,
      respondent,
      version: 0,
      questions: DEFAULT_SURVEY_QUESTIONS[respondent],
      createdAt: "2020-01-01T00:00:00.000Z",
      createdBy: "synthetic",
    })),
  );
  const sql = `INSERT INTO "SurveyQuestionSet" SELECT * FROM json_populate_recordset(NULL::"SurveyQuestionSet", $1::json)
    ON CONFLICT ("region", "respondent", "version") DO NOTHING`;
  const json = JSON.stringify(rows);
  if ("$executeRawUnsafe" in db) {
    await db.$executeRawUnsafe(sql, json);
    return;
  }
  const client = await db.connect();
  try {
    await client.query(sql, [json]);
  } finally {
    client.release();
  }
}

/** A person joins the case when first invited to a samråd (or at referral, if never invited). */
function caseParticipants(c: SyntheticCourse) {
  const firstInvited = new Map<string, string>();
  for (const m of [...c.meetings].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))) {
    for (const sub of m.participantSubs) if (!firstInvited.has(sub)) firstInvited.set(sub, m.scheduledAt);
  }
  const seen = new Set<string>();
  return c.participants.flatMap((p) => {
    if (seen.has(p.sub)) return [];
    seen.add(p.sub);
    return [
      {
        caseId: c.caseId,
        sub: p.sub,
        name: p.name,
        sector: p.sector,
        organisation: p.organisation,
        role: p.role,
        addedAt: at(firstInvited.get(p.sub) ?? c.course.referralReceivedAt),
      },
    ];
  });
}

/** The caseworker who held the course at `iso` (the first one before any assignment). */
function caseworkerAt(course: SyntheticCourse, iso: string): string | null {
  const held = course.caseworkerAssignments.filter((a) => a.from <= iso).at(-1) ?? course.caseworkerAssignments[0];
  return held?.caseworkerName ?? null;
}
