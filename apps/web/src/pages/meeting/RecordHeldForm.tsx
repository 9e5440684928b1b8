import { ACTIVITY_SECTOR, SAMRAAD_ACTIVITIES } from "@samraad/access/vocabulary";
import { useState } from "react";
import { useMutation } from "urql";
import { DateTimeInput, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { Activity, Sector } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { SAMRAAD_SECTORS } from "./ActionItems.tsx";
import { RecordSamraadMeetingHeldDocument } from "./meetingOperations.ts";

interface DecisionDraft {
  key: number;
  activity: Activity;
  decision: string;
  responsibleSector: Sector;
}

/** The børnehus records the samråd as held: when, the minutes and the decision per activity. */
export function RecordHeldForm({ meetingId, version }: { meetingId: string; version: number }) {
  const { t } = useI18n();
  const [recording, record] = useMutation(RecordSamraadMeetingHeldDocument);
  const [heldAt, setHeldAt] = useState(toLocalInput(new Date()));
  const [minutes, setMinutes] = useState("");
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const change = (key: number, patch: Partial<DecisionDraft>) =>
    setDecisions((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const addDecision = () => {
    setDecisions((ds) => [...ds, { key: nextKey, activity: "VIDEO_INTERVIEW", decision: "", responsibleSector: "POLICE" }]);
    setNextKey((k) => k + 1);
  };
  const submit = async () => {
    await record({
      input: {
        meetingId,
        version,
        heldAt: fromLocalInput(heldAt),
        minutes,
        decisions: decisions.map(({ activity, decision, responsibleSector }) => ({ activity, decision, responsibleSector })),
      },
    });
  };
  return (
    <ValidatedForm className="card" id="record-held" onValid={submit} aria-labelledby="record-held-title">
      <h2 id="record-held-title">{t("meeting.recordHeld")}</h2>
      <DateTimeInput id="record-held-at" label={t("meeting.heldAt")} required value={heldAt} onChange={setHeldAt} />
      <TextField id="record-held-minutes" label={t("meeting.minutes")} required state={[minutes, setMinutes]} multiline />
      {decisions.map((d, i) => (
        <fieldset key={d.key}>
          <legend>
            {t("meeting.decision")} {i + 1}
          </legend>
          <div className="row">
            <VocabularySelect
              label={t("meeting.activity")}
              of="Activity"
              values={SAMRAAD_ACTIVITIES}
              state={[d.activity, (activity) => change(d.key, { activity, responsibleSector: ACTIVITY_SECTOR[activity] })]}
            />
            <VocabularySelect
              label={t("meeting.responsibleSector")}
              of="Sector"
              values={SAMRAAD_SECTORS}
              state={[d.responsibleSector, (v) => change(d.key, { responsibleSector: v })]}
            />
          </div>
          <TextField
            id={`record-held-decision-${d.key}`}
            label={t("meeting.decision")}
            required
            state={[d.decision, (v) => change(d.key, { decision: v })]}
          />
        </fieldset>
      ))}
      <div className="actions">
        <button className="button button-secondary" type="button" onClick={addDecision}>
          {t("meeting.addDecision")}
        </button>
        <SubmitButton busy={recording.fetching}>{t("meeting.recordHeld")}</SubmitButton>
      </div>
      <FormStatus error={recording.error} success={recording.data ? t("meeting.held") : null} />
    </ValidatedForm>
  );
}
