import { useMemo, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { LoadFailure } from "../../components/LoadFailure.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ErrorPictureProvider } from "../../components/Restricted.tsx";
import { Table } from "../../components/Table.tsx";
import { graphql } from "../../generated/gql.ts";
import { pictureOf } from "../../graphql/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { LivePresence } from "../../live/LivePresence.tsx";
import { useLiveCase } from "../../live/useLiveCase.ts";
import { MeetingChangeForms } from "../steps/MeetingChangeForms.tsx";
import { ActionItems, SAMRAAD_SECTORS } from "./ActionItems.tsx";
import { RecordHeldForm } from "./RecordHeldForm.tsx";

/** What the meeting page shows: next to the page, so a field it shows is added in one place. */
const MeetingPageDocument = graphql(`
  query MeetingPage($caseId: ID!, $meetingId: ID!) {
    boernehusCase(id: $caseId) {
      id status region
      child { ...ChildName }
    }
    samraadMeeting(id: $meetingId) {
      id caseId kind status scheduledAt heldAt agenda location minutes cancellationReason version
      participants { sub name sector organisation role }
      decisions { ...ActivityDecisionFields }
      actionItems { ...ActionItemFields }
    }
  }
`);

/** One samråd meeting: agenda, participants by sector, decisions per activity, action items, minutes; printable. */
export function MeetingPage() {
  const { caseId = "", meetingId = "" } = useParams();
  const { t, label, dateTime, date } = useI18n();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const planned = (location.state as { planned?: boolean } | null)?.planned === true;
  const [result, refetch] = useQuery({ query: MeetingPageDocument, variables: { caseId, meetingId } });
  const picture = useMemo(() => pictureOf(result.error), [result.error]);
  // Live: another participant's change is fetched again here within a moment; presence apart.
  const [presence, setPresence] = useState(0);
  const { state: liveState } = useLiveCase(
    caseId,
    (changes) => {
      if (changes.some((c) => c.change === "PRESENCE" || c.change === "RESYNC")) setPresence((n) => n + 1);
      if (changes.some((c) => c.change !== "PRESENCE")) refetch({ requestPolicy: "network-only" });
    },
    { meetingId },
  );
  const meeting = result.data?.samraadMeeting;
  const course = result.data?.boernehusCase;
  if (result.fetching && !result.data) return <p role="status">{t("common.loading")}</p>;
  if (!meeting || !course || meeting.caseId !== course.id) {
    return <LoadFailure error={result.error} onRetry={() => refetch({ requestPolicy: "network-only" })} />;
  }
  // A held meeting is named by the day it was held, not the day it was planned for.
  const title = t("meeting.title", { kind: label("MeetingKind", meeting.kind), date: date(meeting.heldAt ?? meeting.scheduledAt) });
  const childName = course.child ? `${course.child.firstName} ${course.child.lastName}` : "";
  const open = course.status !== "CLOSED" && meeting.status !== "CANCELLED";

  return (
    <ErrorPictureProvider picture={picture}>
      <p className="print-only">{t("meeting.summaryHeading")}</p>
      <PageTitle>{title}</PageTitle>
      <p className="lead">
        {childName && t("case.title", { name: childName })} · {label("MeetingStatus", meeting.status)} ·{" "}
        {dateTime(meeting.heldAt ?? meeting.scheduledAt)}
        {meeting.cancellationReason && <> · {t("meeting.cancelled", { reason: meeting.cancellationReason })}</>}
      </p>
      {planned && meeting.status === "PLANNED" && (
        <p role="status" className="alert alert-success no-print">
          {t("meeting.planned")}
        </p>
      )}
      <LivePresence meetingId={meeting.id} refresh={presence} live={liveState} />
      <div className="actions no-print">
        <Link to={`/cases/${course.id}`}>{t("meeting.back")}</Link>
        <button className="button button-secondary" type="button" onClick={() => window.print()}>
          {t("meeting.printSummary")}
        </button>
      </div>
      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("meeting.agenda")}</h2>
        <p className="pre">{meeting.agenda}</p>
        <p data-meeting-location>
          <strong>{t("meeting.location")}:</strong> {meeting.location ?? t("meeting.noLocation")}
        </p>
      </section>
      <section className="card" aria-labelledby="participants-title">
        <h2 id="participants-title">{t("meeting.participantsBySector")}</h2>
        <div className="facts">
          {SAMRAAD_SECTORS.map((sector) => {
            const people = meeting.participants.filter((p) => p.sector === sector);
            return (
              <div key={sector} className="fact" data-sector={sector}>
                <h3>{label("Sector", sector)}</h3>
                {people.length === 0 ? (
                  <p className="muted">{t("common.none")}</p>
                ) : (
                  <ul>
                    {people.map((p) => (
                      <li key={`${p.sub ?? p.name}-${p.role}`}>
                        {p.name} · {label("Role", p.role)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      </section>
      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("meeting.decisions")}</h2>
        {meeting.decisions.length === 0 ? (
          <p>{t("meeting.noDecisions")}</p>
        ) : (
          <Table wrap={false} columns={[t("meeting.activity"), t("meeting.decision"), t("meeting.responsibleSector")]}>
            {meeting.decisions.map((d) => (
              <tr key={`${d.activity}-${d.decision}`}>
                <th scope="row">{label("Activity", d.activity)}</th>
                <td>{d.decision}</td>
                <td>{label("Sector", d.responsibleSector)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <ActionItems
        meetingId={meeting.id}
        items={meeting.actionItems}
        open={open}
        onChanged={() => refetch({ requestPolicy: "network-only" })}
      />
      <section className="card" aria-labelledby="minutes-title">
        <h2 id="minutes-title">{t("meeting.minutes")}</h2>
        <p className="pre">{meeting.minutes ?? t("meeting.noMinutes")}</p>
      </section>
      {user.sector === "BOERNEHUS" && meeting.status === "PLANNED" && open && (
        <RecordHeldForm meetingId={meeting.id} version={meeting.version} />
      )}
      {user.sector === "BOERNEHUS" && meeting.status === "PLANNED" && open && (
        <MeetingChangeForms
          meeting={meeting}
          onStart={() => {
            // "Planned" was news when the page opened; once a move or a cancellation is sent it no longer is.
            if (planned) navigate(location.pathname, { replace: true, state: null });
          }}
          onDone={() => refetch({ requestPolicy: "network-only" })}
        />
      )}
    </ErrorPictureProvider>
  );
}
