import { useState } from "react";
import { useMutation } from "urql";
import { DateTimeInput, SubmitButton, TextField, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CompleteAssessmentDocument, StartAssessmentDocument } from "./operations.ts";

/**
 * The børnehus's assessment (udredning) of a full course: started, then completed with a
 * summary that the samråd's participants read. One form at a time, by the assessment's state.
 */
export function AssessmentForm({ caseId, assessment, onDone }: { caseId: string; assessment: { status: string } | null; onDone(): void }) {
  if (assessment?.status === "COMPLETED") return null;
  // Each form mounts when its step comes, so its default time is the moment it is shown.
  return assessment ? <CompleteAssessment caseId={caseId} onDone={onDone} /> : <StartAssessment caseId={caseId} onDone={onDone} />;
}

function useLabels() {
  const { t } = useI18n();
  return {
    startedAt: t("steps.assessment.startedAt"),
    completedAt: t("steps.assessment.completedAt"),
    summary: t("steps.assessment.summary"),
  };
}

function StartAssessment({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [starting, start] = useMutation(StartAssessmentDocument);
  const [startedAt, setStartedAt] = useState(() => toLocalInput(new Date()));
  const [idempotencyKey] = useIdempotencyKey();
  return (
    <ValidatedForm
      id="start-assessment"
      aria-label={t("steps.assessment.start")}
      onValid={async () => {
        const res = await start({ input: { caseId, startedAt: fromLocalInput(startedAt) }, idempotencyKey });
        if (res.data) onDone();
      }}
    >
      <DateTimeInput id="assessment-started" label={labels.startedAt} required value={startedAt} onChange={setStartedAt} />
      <SubmitButton busy={starting.fetching}>{t("steps.assessment.start")}</SubmitButton>
      <FormStatus error={starting.error} labels={labels} />
    </ValidatedForm>
  );
}

function CompleteAssessment({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [completing, complete] = useMutation(CompleteAssessmentDocument);
  const [completedAt, setCompletedAt] = useState(() => toLocalInput(new Date()));
  const [summary, setSummary] = useState("");
  const [idempotencyKey] = useIdempotencyKey();
  return (
    <ValidatedForm
      id="complete-assessment"
      aria-label={t("steps.assessment.complete")}
      onValid={async () => {
        const res = await complete({ input: { caseId, completedAt: fromLocalInput(completedAt), summary }, idempotencyKey });
        if (res.data) onDone();
      }}
    >
      <DateTimeInput id="assessment-completed" label={labels.completedAt} required value={completedAt} onChange={setCompletedAt} />
      <TextField
        id="assessment-summary"
        label={labels.summary}
        hint={t("steps.assessment.summaryHint")}
        required
        state={[summary, setSummary]}
        multiline
      />
      <SubmitButton busy={completing.fetching}>{t("steps.assessment.complete")}</SubmitButton>
      <FormStatus error={completing.error} labels={labels} />
    </ValidatedForm>
  );
}
