import { graphql } from "../../generated/gql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { CaseData } from "./caseQuery.ts";

/** A motivation record as the timeline tells it, once per recording sector's type. */
export const MotivationRecordFieldsFragmentDocs = graphql(`
  fragment BoernehusMotivationRecordFields on BoernehusMotivationRecord {
    id setPoint childMotivation familyMotivation barriers otherBarrier recordedAt recordedByName version
  }
  fragment MunicipalityMotivationRecordFields on MunicipalityMotivationRecord {
    id setPoint childMotivation familyMotivation barriers otherBarrier recordedAt recordedByName version
  }
`);

interface TimelineEvent {
  /** Stable across renders: what the event is about. */
  key: string;
  at: string;
  sector: "MUNICIPALITY" | "POLICE" | "HEALTH" | "BOERNEHUS";
  text: string;
}

/** One timeline across the four sectors: every dated event of the case, oldest first. */
export function caseEvents(
  c: CaseData,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  label: (e: string, v: string) => string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (key: string, at: string | null | undefined, sector: TimelineEvent["sector"], text: string) => {
    if (at) events.push({ key, at, sector, text });
  };
  for (const n of c.child?.notifications ?? []) add(`notification-${n.id}`, n.receivedAt, "MUNICIPALITY", t("timeline.notification"));
  add("bfu", c.childAssessment?.decidedAt, "MUNICIPALITY", t("timeline.bfu"));
  add("referral", c.referral?.referredAt ?? c.referralReceivedAt, "MUNICIPALITY", t("timeline.referral"));
  for (const m of c.samraadMeetings) {
    const text = `${t("timeline.samraad", { kind: label("MeetingKind", m.kind) })} (${label("MeetingStatus", m.status).toLowerCase()})`;
    add(`meeting-${m.id}`, m.heldAt ?? m.scheduledAt, "BOERNEHUS", text);
  }
  add("police-report", c.policeReport?.reportedAt, "POLICE", t("timeline.policeReport"));
  for (const i of c.policeReport?.videoInterviews ?? []) {
    add(
      `interview-${i.id}`,
      i.heldAt ?? i.scheduledAt,
      "POLICE",
      t("timeline.interview", { status: label("VideoInterviewStatus", i.status) }),
    );
  }
  for (const e of c.medicalExaminations ?? []) {
    const text = t("timeline.examination", { kind: label("ExaminationKind", e.kind), status: label("MedicalExaminationStatus", e.status) });
    add(`examination-${e.id}`, e.performedAt ?? e.scheduledAt, "HEALTH", text);
  }
  for (const s of c.crisisSupportSessions) {
    add(`crisis-${s.id}`, s.heldAt, "BOERNEHUS", t("timeline.crisis", { recipient: label("CrisisRecipient", s.recipient) }));
  }
  add("assessment-started", c.assessment?.startedAt, "BOERNEHUS", t("timeline.assessmentStarted"));
  add("assessment-completed", c.assessment?.completedAt, "BOERNEHUS", t("timeline.assessmentCompleted"));
  add("final-note-sent", c.finalNote?.sentAt, "BOERNEHUS", t("timeline.finalNoteSent"));
  for (const r of c.recommendationResponses ?? []) {
    add(`response-${r.id}`, r.respondedAt, "MUNICIPALITY", t("timeline.response", { response: label("ResponseKind", r.response) }));
  }
  // The family's motivation, as each owning sector recorded it (null where the reader may not see it).
  const motivation = [
    ...(c.motivationRecords ?? []).map((r) => ({ ...r, sector: "BOERNEHUS" as const })),
    ...(c.municipalityMotivationRecords ?? []).map((r) => ({ ...r, sector: "MUNICIPALITY" as const })),
  ];
  for (const r of motivation) {
    const barriers = r.barriers.map((b) =>
      b === "OTHER" && r.otherBarrier ? r.otherBarrier : label("MotivationBarrier", b).toLowerCase(),
    );
    add(
      `motivation-${r.id}`,
      r.recordedAt,
      r.sector,
      t("timeline.motivation", {
        setPoint: label("MotivationSetPoint", r.setPoint),
        child: label("MotivationLevel", r.childMotivation),
        family: label("MotivationLevel", r.familyMotivation),
        barriers: barriers.length > 0 ? t("timeline.motivationBarriers", { barriers: barriers.join(", ") }) : "",
      }),
    );
  }
  for (const m of c.measures ?? []) {
    add(`measure-${m.id}`, m.startedAt ?? m.decidedAt, "MUNICIPALITY", t("timeline.measure", { kind: label("MeasureKind", m.kind) }));
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

export function Timeline({ data }: { data: CaseData }) {
  const { t, label, dateTime } = useI18n();
  const events = caseEvents(data, t, label);
  return (
    <section aria-labelledby="timeline-title" className="card timeline">
      <h2 id="timeline-title">{t("case.timeline")}</h2>
      {events.length === 0 ? (
        <p>{t("case.timelineEmpty")}</p>
      ) : (
        <ol>
          {events.map((e) => (
            <li key={e.key} className={`event sector-${e.sector}`}>
              <time dateTime={e.at}>{dateTime(e.at)}</time>
              <span className="event-sector">{label("Sector", e.sector)}</span>
              <span className="event-text">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
