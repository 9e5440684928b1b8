import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { SubmitButton } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import type { SurveyRespondent } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { SetSurveyQuestionsDocument, SurveyQuestionSetsDocument } from "./operations.ts";

/** A row of the form: `row` keeps React's key stable while its question key is typed. */
type Question = { row: string; key: string; text: string };

/**
 * The børnehus leader's questions (docs/surveys.md): one set per kind of respondent. Saving
 * writes a new version; links already issued keep theirs, and a question keeps counting across
 * versions while its key stays, so existing keys are shown but not edited.
 */
export function SurveyQuestions() {
  const { t, label } = useI18n();
  const [sets, refetch] = useQuery({ query: SurveyQuestionSetsDocument });
  const [saving, save] = useMutation(SetSurveyQuestionsDocument);
  const [respondent, setRespondent] = useState<SurveyRespondent>("CAREGIVER_FIRST_VISIT");
  const [draft, setDraft] = useState<Question[] | null>(null);
  const current = sets.data?.surveyQuestionSets.find((s) => s.respondent === respondent);
  const questions: Question[] = draft ?? current?.questions.map((q) => ({ row: q.key, key: q.key, text: q.text })) ?? [];
  const known = new Set(current?.questions.map((q) => q.key) ?? []);
  const change = (i: number, patch: Partial<Question>) => setDraft(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { respondent, questions: questions.map(({ key, text }) => ({ key, text })) };
    const res = await save({ input, idempotencyKey: crypto.randomUUID() });
    if (res.data) {
      setDraft(null);
      refetch({ requestPolicy: "network-only" });
    }
  };
  if (!sets.data) return null;
  return (
    <section aria-labelledby="survey-questions-title" className="card survey-questions">
      <h2 id="survey-questions-title">{t("surveyQuestions.title")}</h2>
      <p>{t("surveyQuestions.intro")}</p>
      <label className="form-group">
        <span className="form-label">{t("surveyLinks.respondent")}</span>
        <select
          className="form-select"
          value={respondent}
          onChange={(e) => {
            setRespondent(e.target.value as SurveyRespondent);
            setDraft(null);
          }}
        >
          {sets.data.surveyQuestionSets.map((s) => (
            <option key={s.respondent} value={s.respondent}>
              {label("SurveyRespondent", s.respondent)}
            </option>
          ))}
        </select>
      </label>
      <p>{t("surveyQuestions.version", { version: current?.version ?? 0 })}</p>
      <form id="survey-questions" noValidate onSubmit={submit}>
        {questions.map((q, i) => (
          <div key={q.row} className="survey-question-edit">
            {known.has(q.row) ? null : (
              <label className="form-group">
                <span className="form-label">{t("surveyQuestions.key", { n: i + 1 })}</span>
                <span className="form-hint">{t("surveyQuestions.keyHint")}</span>
                <input className="form-input" value={q.key} onChange={(e) => change(i, { key: e.target.value })} />
              </label>
            )}
            <label className="form-group">
              <span className="form-label">{t("surveyQuestions.text", { n: i + 1 })}</span>
              <input className="form-input" value={q.text} onChange={(e) => change(i, { text: e.target.value })} />
            </label>
          </div>
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDraft([...questions, { row: crypto.randomUUID(), key: "", text: "" }])}
          >
            {t("surveyQuestions.add")}
          </button>{" "}
          <SubmitButton busy={saving.fetching || draft === null}>{t("surveyQuestions.save")}</SubmitButton>
        </p>
        <FormStatus
          error={saving.error}
          success={saving.data && draft === null ? t("surveyQuestions.saved", { version: saving.data.setSurveyQuestions.version }) : null}
        />
      </form>
    </section>
  );
}
