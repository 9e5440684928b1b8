import { useState } from "react";
import { useClient, useMutation } from "urql";
import { useUser } from "../../auth/session.tsx";
import { DateTimeInput, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { ExaminationKind, Region } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  CaseWriteGrantDocument,
  RecordMedicalExaminationPerformedDocument,
  ScheduleMedicalExaminationDocument,
} from "./sectorOperations.ts";

const KINDS: ExaminationKind[] = ["INITIAL_ASSESSMENT", "FORENSIC", "SOMATIC", "PEDIATRIC"];

/** Health care schedules an examination in the case (its own region's hospitals). */
export function ScheduleExaminationForm({ caseId, region, onDone }: { caseId: string; region: Region; onDone(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [scheduling, schedule] = useMutation(ScheduleMedicalExaminationDocument);
  const [kind, setKind] = useState<ExaminationKind>("FORENSIC");
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(new Date()));
  const [unit, setUnit] = useState("");
  const submit = async () => {
    // The case is the børnehus's: its write grant (60 s) goes with the write.
    const grant = await client.query(CaseWriteGrantDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
    const caseGrant = grant.data?.boernehusCase?.writeGrant ?? "";
    const res = await schedule({
      input: { caseId, caseGrant, kind, scheduledAt: fromLocalInput(scheduledAt), unit, hospitalRegion: region },
    });
    if (res.data) onDone();
  };
  return (
    <ValidatedForm id="schedule-exam" onValid={submit} aria-labelledby="schedule-exam-title">
      <h4 id="schedule-exam-title">{t("health.schedule")}</h4>
      <div className="row">
        <VocabularySelect label={t("health.scheduleKind")} of="ExaminationKind" values={KINDS} state={[kind, setKind]} />
        <DateTimeInput id="schedule-exam-at" label={t("health.scheduleAt")} required value={scheduledAt} onChange={setScheduledAt} />
        <TextField id="schedule-exam-unit" label={t("health.scheduleUnit")} required state={[unit, setUnit]} />
      </div>
      <button className="button button-secondary" type="submit" disabled={scheduling.fetching}>
        {t("health.schedule")}
      </button>
      <FormStatus error={scheduling.error} labels={{ scheduledAt: t("health.scheduleAt") }} />
    </ValidatedForm>
  );
}

/** The physician records a performed examination: the summary for the samråd, the clinical details for health care only. */
export function RecordExaminationForm(props: {
  exam: { id: string; kind: ExaminationKind; scheduledAt: string; version: number };
  onDone(): void;
}) {
  const { t, label, date } = useI18n();
  const [recording, record] = useMutation(RecordMedicalExaminationPerformedDocument);
  const [performedAt, setPerformedAt] = useState(toLocalInput(new Date()));
  const [findings, setFindings] = useState("");
  const [clinical, setClinical] = useState("");
  // The physician who performed it is usually the one recording it (issue 20: "Læge: Ikke registreret").
  const [physician, setPhysician] = useState(useUser().name);
  const id = `record-${props.exam.id}`;
  const submit = async () => {
    const res = await record({
      input: {
        examinationId: props.exam.id,
        performedAt: fromLocalInput(performedAt),
        findingsSummary: findings,
        clinicalDetails: clinical || null,
        physicianName: physician.trim() || null,
        version: props.exam.version,
      },
    });
    if (res.data) props.onDone();
  };
  return (
    <ValidatedForm id={`${id}-form`} onValid={submit} aria-labelledby={id}>
      <h4 id={id}>
        {t("health.recordHeading", {
          kind: label("ExaminationKind", props.exam.kind).toLocaleLowerCase("da-DK"),
          date: date(props.exam.scheduledAt),
        })}
      </h4>
      <DateTimeInput id={`${id}-at`} label={t("health.performedAt")} required value={performedAt} onChange={setPerformedAt} />
      <TextField id={`${id}-findings`} label={t("health.findings")} required state={[findings, setFindings]} multiline />
      <label className="form-group">
        <span className="form-label">{t("health.clinical")}</span>
        <textarea className="form-input" value={clinical} onChange={(e) => setClinical(e.target.value)} />
      </label>
      <TextField id={`${id}-physician`} label={t("health.physician")} required state={[physician, setPhysician]} />
      <SubmitButton busy={recording.fetching}>{t("health.record")}</SubmitButton>
      <FormStatus error={recording.error} />
    </ValidatedForm>
  );
}
