import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import { Choice, DateTimeInput, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { LoadFailure } from "../../components/LoadFailure.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { MeetingKind } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PlanMeetingCaseDocument, PlanSamraadMeetingDocument } from "./meetingOperations.ts";

function tomorrowAtTen(): Date {
  const d = new Date(Date.now() + 86_400_000);
  d.setHours(10, 0, 0, 0);
  return d;
}

/** The børnehus plans a samråd: kind, time, agenda and who takes part. */
export function PlanMeetingPage() {
  const { caseId = "" } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: PlanMeetingCaseDocument, variables: { caseId } });
  const [planning, plan] = useMutation(PlanSamraadMeetingDocument);
  const data = result.data?.boernehusCase;
  const hasPlanning = data?.samraadMeetings.some((m) => m.kind === "PLANNING" && m.status !== "CANCELLED") ?? false;
  const [kind, setKind] = useState<MeetingKind | null>(null);
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(tomorrowAtTen()));
  const [agenda, setAgenda] = useState("");
  const [location, setLocation] = useState("");
  const [excluded, setExcluded] = useState<Set<string>>(new Set());

  if (result.fetching && !data) return <p role="status">{t("common.loading")}</p>;
  if (!data) return <LoadFailure error={result.error} onRetry={() => refetch({ requestPolicy: "network-only" })} />;
  const chosenKind: MeetingKind = kind ?? (hasPlanning ? "FOLLOW_UP" : "PLANNING");

  const submit = async () => {
    const participants = data.participants
      .filter((p) => !excluded.has(p.id))
      .map(({ sub, name, sector, organisation, role }) => ({ sub, name, sector, organisation, role }));
    const res = await plan({
      input: { caseId, kind: chosenKind, scheduledAt: fromLocalInput(scheduledAt), agenda, location, participants },
    });
    if (res.data) navigate(`/cases/${caseId}/meetings/${res.data.planSamraadMeeting.id}`, { state: { planned: true } });
  };
  const toggle = (id: string) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <Breadcrumbs items={[{ label: t("breadcrumbs.case"), to: `/cases/${caseId}` }, { label: t("meeting.plan") }]} />
      <PageTitle>{t("meeting.plan")}</PageTitle>
      <ValidatedForm className="card" id="plan-meeting" onValid={submit}>
        <div className="row">
          <VocabularySelect
            label={t("meeting.kind")}
            of="MeetingKind"
            values={["PLANNING", "FOLLOW_UP"] as const}
            state={[chosenKind, setKind]}
          />
          <DateTimeInput id="plan-scheduled" label={t("meeting.scheduledAt")} required value={scheduledAt} onChange={setScheduledAt} />
        </div>
        <TextField id="plan-agenda" label={t("meeting.agenda")} required state={[agenda, setAgenda]} multiline />
        <TextField
          id="plan-location"
          label={t("meeting.location")}
          hint={t("meeting.locationHint")}
          maxLength={300}
          state={[location, setLocation]}
        />
        <fieldset>
          <legend>{t("meeting.participants")}</legend>
          {data.participants.map((p) => (
            <Choice
              key={p.id}
              type="checkbox"
              checked={!excluded.has(p.id)}
              onChange={() => toggle(p.id)}
              label={`${p.name} · ${label("Role", p.role)} · ${label("Sector", p.sector)}`}
            />
          ))}
        </fieldset>
        <div className="actions">
          <SubmitButton busy={planning.fetching}>{planning.fetching ? t("common.saving") : t("meeting.plan")}</SubmitButton>
        </div>
        <FormStatus error={planning.error} />
      </ValidatedForm>
    </>
  );
}
