import { DECLINE_REASONS, INTERVENTION_LADDER, OTHER_SUPPORT_KINDS, RESPONSE_KINDS } from "@samraad/access/vocabulary";
import { useState } from "react";
import { useClient, useMutation } from "urql";
import { SubmitButton, TextField, ValidatedForm, VocabularyRadios, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import type { DeclineReason, MeasureKind, OtherSupportKind, ResponseKind } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  DecideMeasureDocument,
  type FinalNoteCase,
  RecommendationWriteGrantsDocument,
  RespondToRecommendationDocument,
} from "./finalNoteOperations.ts";

const RESPONSES: readonly ResponseKind[] = RESPONSE_KINDS;
const REASONS: readonly DeclineReason[] = DECLINE_REASONS;
const OTHER_KINDS: readonly OtherSupportKind[] = OTHER_SUPPORT_KINDS;
/** The intervention ladder, lowest step first (one definition: @samraad/access/vocabulary). */
export const MEASURE_KINDS: readonly MeasureKind[] = INTERVENTION_LADDER;

/**
 * The municipality answers one recommendation: a measure (an existing one of the case, or a
 * new one on the intervention ladder, decided and started now), other support, or declined with a reason.
 */
export function RespondForm(props: {
  caseId: string;
  recommendationId: string;
  index: number;
  measures: FinalNoteCase["measures"];
  onDone(): void;
}) {
  const { t, label } = useI18n();
  const [response, setResponse] = useState<ResponseKind>("MEASURE");
  const [measure, setMeasure] = useState<string>(props.measures?.[0]?.id ?? `new:${MEASURE_KINDS[0]}`);
  const [otherSupport, setOtherSupport] = useState("");
  const [otherKind, setOtherKind] = useState<OtherSupportKind>("ALONGSIDE_COURSE");
  const [reason, setReason] = useState<DeclineReason>("FAMILY_MOTIVATION");
  const [note, setNote] = useState("");
  const [deciding, decide] = useMutation(DecideMeasureDocument);
  const [responding, respond] = useMutation(RespondToRecommendationDocument);
  const client = useClient();
  const name = `response-${props.recommendationId}`;

  const submit = async () => {
    let measureId: string | null = null;
    if (response === "MEASURE") {
      if (measure.startsWith("new:")) {
        const now = new Date().toISOString();
        const decided = await decide({
          input: { caseId: props.caseId, kind: measure.slice(4) as MeasureKind, decidedAt: now, startedAt: now },
        });
        if (!decided.data) return;
        measureId = decided.data.decideMeasure.id;
      } else measureId = measure;
    }
    // The recommendation is the børnehus's: its write grant (60 s) binds it to the case.
    const grants = await client
      .query(RecommendationWriteGrantsDocument, { id: props.caseId }, { requestPolicy: "network-only" })
      .toPromise();
    const recommendationGrant =
      grants.data?.boernehusCase?.finalNote?.recommendations.find((r) => r.id === props.recommendationId)?.writeGrant ?? "";
    const res = await respond({
      input: {
        caseId: props.caseId,
        recommendationGrant,
        recommendationId: props.recommendationId,
        response,
        measureId,
        otherSupport: response === "OTHER_SUPPORT" ? otherSupport : null,
        otherSupportKind: response === "OTHER_SUPPORT" ? otherKind : null,
        declineReason: response === "DECLINED" ? reason : null,
        note: note || null,
      },
    });
    if (res.data) props.onDone();
  };

  return (
    <ValidatedForm id={name} onValid={submit} className="respond" aria-labelledby={`${name}-title`}>
      <h4 id={`${name}-title`}>{t("finalNote.answerHeading", { number: props.index + 1 })}</h4>
      <fieldset>
        <legend>{t("finalNote.answerKind")}</legend>
        <VocabularyRadios name={name} of="ResponseKind" values={RESPONSES} state={[response, setResponse]} />
      </fieldset>
      {response === "MEASURE" && (
        <label className="form-group">
          <span className="form-label">{t("finalNote.answerMeasure")}</span>
          <select className="form-select" value={measure} onChange={(e) => setMeasure(e.target.value)}>
            {(props.measures ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {t("child.measureLine", { kind: label("MeasureKind", m.kind), step: m.ladderStep })}
              </option>
            ))}
            <optgroup label={t("finalNote.answerNewMeasure")}>
              {MEASURE_KINDS.map((k, i) => (
                <option key={k} value={`new:${k}`}>
                  {t("child.measureLine", { kind: label("MeasureKind", k), step: i + 1 })}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      )}
      {response === "OTHER_SUPPORT" && (
        <fieldset>
          <legend>{t("finalNote.answerOtherSupportKind")}</legend>
          <VocabularyRadios name={`${name}-other-kind`} of="OtherSupportKind" values={OTHER_KINDS} state={[otherKind, setOtherKind]} />
        </fieldset>
      )}
      {response === "OTHER_SUPPORT" && (
        <TextField id={`${name}-other`} label={t("finalNote.answerOtherSupport")} required state={[otherSupport, setOtherSupport]} />
      )}
      {response === "DECLINED" && (
        <VocabularySelect label={t("finalNote.answerDeclineReason")} of="DeclineReason" values={REASONS} state={[reason, setReason]} />
      )}
      <TextField
        id={`${name}-note`}
        label={t("finalNote.answerNote")}
        required={response === "DECLINED" && reason === "OTHER"}
        state={[note, setNote]}
      />
      <div className="actions">
        <SubmitButton busy={deciding.fetching || responding.fetching}>{t("finalNote.answer")}</SubmitButton>
      </div>
      <FormStatus error={deciding.error ?? responding.error} success={responding.data ? t("finalNote.answerSaved") : null} />
    </ValidatedForm>
  );
}
