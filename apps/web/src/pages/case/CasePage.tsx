import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { isLeader, receivesReferrals } from "../../components/Layout.tsx";
import { LoadFailure } from "../../components/LoadFailure.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ErrorPictureProvider, Facts } from "../../components/Restricted.tsx";
import { ClockList } from "../../components/TrafficLight.tsx";
import { mergeClocks } from "../../domain/clocks.ts";
import { graphql } from "../../generated/gql.ts";
import { pictureOf } from "../../graphql/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { LiveStatus } from "../../live/LivePresence.tsx";
import { useLiveCase } from "../../live/useLiveCase.ts";
import { ReassignForm } from "../continuity/CaseworkerHistory.tsx";
import { ConsultationForm, Consultations } from "../continuity/Consultations.tsx";
import { AssessmentForm } from "../steps/AssessmentForm.tsx";
import { CrisisSupportForm } from "../steps/CrisisSupportForm.tsx";
import { InterviewHeldForm } from "../steps/InterviewHeldForm.tsx";
import { MotivationForm } from "../steps/MotivationForm.tsx";
import { SurveyLinks } from "../survey/SurveyLinks.tsx";
import { BoernehusPanel } from "./BoernehusPanel.tsx";
import { CaseClocksDocument, type CaseData, CasePageDocument } from "./caseQuery.ts";
import { RecordExaminationForm, ScheduleExaminationForm } from "./HealthActions.tsx";
import { HealthPanel } from "./HealthPanel.tsx";
import { MunicipalityPanel } from "./MunicipalityPanel.tsx";
import { BookInterviewForm, FilePoliceReportForm } from "./PoliceActions.tsx";
import { PolicePanel } from "./PolicePanel.tsx";
import { SectorPanel } from "./SectorPanel.tsx";
import { Timeline } from "./Timeline.tsx";

export function caseTitle(data: CaseData | null | undefined, t: ReturnType<typeof useI18n>["t"]): string {
  return data?.child ? t("case.title", { name: `${data.child.firstName} ${data.child.lastName}` }) : t("case.titleUnnamed");
}

/** A participant of a case, as the case page lists them and the planning and invitation pages read them. */
export const CaseParticipantFieldsFragmentDoc = graphql(`
  fragment CaseParticipantFields on CaseParticipant { id sub name sector organisation role }
`);

/**
 * Who takes part. A municipal caseworker on the case who is no longer its caseworker (the
 * municipality changed it) still reads the case as a participant until the børnehus removes
 * her: the list says so, and the coordinator is asked to decide.
 */
function Participants({ data }: { data: CaseData }) {
  const { t, label } = useI18n();
  const user = useUser();
  const current = data.caseworker?.caseworkerSub;
  const replaced = (p: CaseData["participants"][number]) =>
    Boolean(current) && p.sector === "MUNICIPALITY" && p.role === "caseworker" && p.sub !== current;
  const formerCaseworkers = data.participants.filter(replaced);
  const manages = receivesReferrals(user) && user.organisation === data.region && data.myAccess.basis !== "EMERGENCY";
  return (
    <section aria-labelledby="participants-title" className="card">
      <h2 id="participants-title">{t("case.participants")}</h2>
      <ul className="participants">
        {data.participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> · {label("Role", p.role)} · {label("Sector", p.sector)}
            {replaced(p) && <> · {t("participants.formerCaseworker")}</>}
          </li>
        ))}
      </ul>
      {manages && formerCaseworkers.length > 0 && (
        <p className="alert alert-warning" data-former-caseworkers>
          {t("participants.replacedNotice", {
            names: formerCaseworkers.map((p) => p.name).join(", "),
            current: data.caseworker?.caseworkerName ?? "",
          })}
        </p>
      )}
      {manages && (
        <p>
          <Link className="button button-secondary" to={`/cases/${data.id}/participants/invite`}>
            {t("invite.link")}
          </Link>
        </p>
      )}
    </section>
  );
}

function Meetings({ data }: { data: CaseData }) {
  const { t, label, dateTime, date } = useI18n();
  const user = useUser();
  return (
    <section aria-labelledby="meetings-title" className="card">
      <h2 id="meetings-title">{t("case.meetings")}</h2>
      {data.samraadMeetings.length === 0 ? (
        <p>{t("case.noMeetings")}</p>
      ) : (
        <ul className="items">
          {data.samraadMeetings.map((m) => (
            <li key={m.id}>
              <Link
                to={`/cases/${data.id}/meetings/${m.id}`}
                aria-label={t("case.openMeeting", { kind: label("MeetingKind", m.kind), date: date(m.scheduledAt) })}
              >
                {label("MeetingKind", m.kind)}
              </Link>{" "}
              · {dateTime(m.heldAt ?? m.scheduledAt)} · {label("MeetingStatus", m.status)}
            </li>
          ))}
        </ul>
      )}
      {user.sector === "BOERNEHUS" && (
        <p>
          <Link className="button button-secondary" to={`/cases/${data.id}/meetings/new`}>
            {t("meeting.plan")}
          </Link>
        </p>
      )}
      <h3>{t("case.actionItems")}</h3>
      {data.actionItems.length === 0 ? (
        <p>{t("case.noActionItems")}</p>
      ) : (
        <ul className="items">
          {data.actionItems.map((a) => (
            <li key={a.id}>
              {a.title} · {label("Sector", a.owningSector)} · {date(a.dueAt)} · {label("ActionItemStatus", a.status)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CasePage() {
  const { caseId = "" } = useParams();
  const { t, label, date, dateTime } = useI18n();
  const user = useUser();
  const [result, refetch] = useQuery({ query: CasePageDocument, variables: { id: caseId } });
  // After the case: fewer requests at once on the sectors' databases.
  const [clockResult] = useQuery({ query: CaseClocksDocument, variables: { id: caseId }, pause: !result.data });
  const picture = useMemo(() => pictureOf(result.error), [result.error]);
  const data = result.data?.boernehusCase;
  const clockCase = clockResult.data?.boernehusCase;
  const retry = () => refetch({ requestPolicy: "network-only" });
  // Live: another participant's change to the case is fetched again here within a moment.
  const { state: liveState } = useLiveCase(caseId, (changes) => {
    if (changes.some((c) => c.change !== "PRESENCE")) retry();
  });

  if (result.fetching && !result.data) return <p role="status">{t("common.loading")}</p>;
  if (!data) {
    return (
      <>
        <PageTitle>{t("case.titleUnnamed")}</PageTitle>
        <LoadFailure error={result.error} onRetry={retry} />
        <Link to="/cases">{t("common.back")}</Link>
      </>
    );
  }
  // Emergency access is read-only: no write forms, and a notice that says so.
  const mayWrite = data.myAccess.basis !== "EMERGENCY";
  const clocks = clockCase ? mergeClocks(clockCase.municipalityClocks, clockCase.policeClocks, clockCase.boernehusClocks) : [];
  return (
    <ErrorPictureProvider picture={picture}>
      <PageTitle>{caseTitle(data, t)}</PageTitle>
      <LiveStatus
        live={liveState}
        clocksLoaded={!clockResult.fetching && (clockResult.data !== undefined || clockResult.error !== undefined)}
      />
      {data.myAccess.basis === "EMERGENCY" && (
        <p className="alert alert-warning" role="status">
          {t("case.emergencyAccess", { date: dateTime(data.myAccess.expiresAt) })}
        </p>
      )}
      {!mayWrite && (
        <p className="alert alert-warning" data-read-only="">
          {t("case.emergencyReadOnly")}
        </p>
      )}
      <section aria-labelledby="overview-title" className="card overview">
        <h2 id="overview-title">{t("case.overview")}</h2>
        <Facts
          facts={[
            { label: t("case.status"), value: label("CourseStatus", data.status) },
            { label: t("case.type"), value: label("CourseType", data.type) },
            { label: t("case.region"), value: label("Region", data.region) },
            { label: t("case.municipality"), value: data.municipalityCode },
            { label: t("case.abuseTypes"), value: data.abuseTypes.map((a) => label("AbuseType", a)).join(", ") },
            { label: t("case.burden"), value: label("BurdenLevel", data.burdenLevel) },
            { label: t("case.age"), value: t("case.ageYears", { age: data.childAgeAtReferral }) },
            { label: t("case.referralReceived"), value: date(data.referralReceivedAt) },
            { label: t("case.access"), value: label("AccessBasis", data.myAccess.basis) },
          ]}
        />
        <ClockList clocks={clocks} />
      </section>
      <div className="columns">
        <Meetings data={data} />
        <Participants data={data} />
      </div>
      <Timeline data={data} />
      <Consultations
        data={data}
        form={
          mayWrite &&
          data.status !== "CLOSED" &&
          ((user.sector === "MUNICIPALITY" && user.organisation === data.municipalityCode) ||
            (user.sector === "BOERNEHUS" && user.organisation === data.region)) && (
            <ConsultationForm caseId={data.id} sector={user.sector} onDone={retry} />
          )
        }
      />
      {user.sector === "BOERNEHUS" && <SurveyLinks caseId={data.id} childAge={data.childAgeAtReferral} mayIssue={mayWrite} />}
      <section aria-labelledby="panels-title">
        <h2 id="panels-title">{t("case.panels")}</h2>
        <div className="panels">
          <SectorPanel sector="MUNICIPALITY" unavailable={picture.unavailable.has("MUNICIPALITY")} onRetry={retry}>
            <MunicipalityPanel data={data} />
            {mayWrite && user.sector === "MUNICIPALITY" && user.organisation === data.municipalityCode && isLeader(user.roles) && (
              <ReassignForm caseId={data.id} onDone={retry} />
            )}
            {mayWrite && user.sector === "MUNICIPALITY" && (data.recommendationResponses ?? []).length > 0 && (
              <MotivationForm caseId={data.id} sector="MUNICIPALITY" records={data.municipalityMotivationRecords} onDone={retry} />
            )}
            {data.finalNote?.sentAt && (
              <p>
                <Link to={`/cases/${data.id}/follow-up`}>{t("steps.followUp.open")}</Link>
              </p>
            )}
          </SectorPanel>
          <SectorPanel sector="POLICE" unavailable={picture.unavailable.has("POLICE")} onRetry={retry}>
            <PolicePanel
              data={data}
              actions={
                mayWrite &&
                user.sector === "POLICE" &&
                (data.policeReport ? (
                  <>
                    {data.policeReport.videoInterviews
                      .filter((i) => i.status === "BOOKED")
                      .map((i) => (
                        <InterviewHeldForm key={i.id} interview={i} onDone={retry} />
                      ))}
                    <BookInterviewForm caseId={data.id} policeReportId={data.policeReport.id} interviewerName={user.name} onDone={retry} />
                  </>
                ) : (
                  <FilePoliceReportForm caseId={data.id} district={user.organisation} onDone={retry} />
                ))
              }
            />
          </SectorPanel>
          <SectorPanel sector="HEALTH" unavailable={picture.unavailable.has("HEALTH")} onRetry={retry}>
            <HealthPanel
              data={data}
              actions={
                mayWrite &&
                user.sector === "HEALTH" && (
                  <>
                    {(data.medicalExaminations ?? [])
                      .filter((e) => e.status === "SCHEDULED")
                      .map((e) => (
                        <RecordExaminationForm key={e.id} exam={e} onDone={retry} />
                      ))}
                    <ScheduleExaminationForm caseId={data.id} region={data.region} onDone={retry} />
                  </>
                )
              }
            />
          </SectorPanel>
          <SectorPanel sector="BOERNEHUS" unavailable={picture.unavailable.has("BOERNEHUS")} onRetry={retry}>
            <BoernehusPanel
              data={data}
              actions={
                mayWrite &&
                user.sector === "BOERNEHUS" &&
                data.status !== "CLOSED" && (
                  <>
                    <CrisisSupportForm caseId={data.id} counsellorName={user.name} onDone={retry} />
                    {data.samraadMeetings.some((m) => m.kind === "PLANNING" && m.status !== "CANCELLED") && (
                      <MotivationForm caseId={data.id} sector="BOERNEHUS" records={data.motivationRecords} onDone={retry} />
                    )}
                  </>
                )
              }
              assessmentActions={
                mayWrite &&
                user.sector === "BOERNEHUS" &&
                data.status !== "CLOSED" &&
                data.type === "FULL_COURSE" && <AssessmentForm caseId={data.id} assessment={data.assessment} onDone={retry} />
              }
            />
          </SectorPanel>
        </div>
      </section>
    </ErrorPictureProvider>
  );
}
