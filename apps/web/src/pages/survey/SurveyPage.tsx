import { useMemo, useState } from "react";
import { Provider as UrqlProvider, useMutation, useQuery } from "urql";
import { Choice, SubmitButton } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import { AppHeader } from "../../components/Layout.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { createGraphQLClient } from "../../graphql/client.ts";
import { describeAll } from "../../graphql/errors.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { AnswerSurveyDocument, SurveyFormDocument } from "./operations.ts";

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The outcome survey, answered without logging in (docs/surveys.md). The token comes from the
 * link's fragment (`/survey#<token>`), which the browser never sends to any server, so it
 * appears in no access log; it goes to the gateway only in the body of the two survey
 * operations. Nothing about the case is shown, because nothing about it is sent.
 */
export function SurveyPage() {
  // No session, no token: the gateway lets these two operations in as the survey respondent.
  const client = useMemo(() => createGraphQLClient({ token: () => null, onUnauthenticated: () => {} }), []);
  const token = window.location.hash.slice(1);
  const { t } = useI18n();
  return (
    <UrqlProvider value={client}>
      <AppHeader name={t("survey.header")} />
      <main id="main" tabIndex={-1} className="container survey-page">
        {token ? <Survey token={token} /> : <Refused text={t("survey.missingToken")} />}
      </main>
    </UrqlProvider>
  );
}

function Refused({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t("survey.refused.title")}</PageTitle>
      <div className="alert alert-warning" role="alert">
        <p className="alert-text">{text}</p>
      </div>
      <p>{t("survey.help")}</p>
    </>
  );
}

function Survey({ token }: { token: string }) {
  const { t, language, date } = useI18n();
  const [form] = useQuery({ query: SurveyFormDocument, variables: { token }, requestPolicy: "network-only" });
  const [sending, send] = useMutation(AnswerSurveyDocument);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [noAnswers, setNoAnswers] = useState(false);
  const [idempotencyKey] = useIdempotencyKey();

  if (sending.data?.answerSurvey.accepted) {
    return (
      <>
        <PageTitle>{t("survey.thanks.title")}</PageTitle>
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t("survey.thanks.body")}</p>
        </div>
      </>
    );
  }
  if (form.fetching && !form.data) return <p role="status">{t("common.loading")}</p>;
  const survey = form.data?.surveyForm;
  if (!survey)
    return (
      <Refused
        text={describeAll(language, form.error)
          .map((d) => d.text)
          .join(" ")}
      />
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const answers = survey.questions
      .filter((q) => scores[q.key] !== undefined)
      .map((q) => ({ questionKey: q.key, score: scores[q.key] as number }));
    setNoAnswers(answers.length === 0);
    if (answers.length === 0) return;
    await send({ input: { token, answers }, idempotencyKey });
  };
  return (
    <>
      <PageTitle>{t("survey.title")}</PageTitle>
      <p className="lead">{t("survey.intro")}</p>
      <p>{t("survey.expires", { date: date(survey.expiresAt) })}</p>
      <form id="survey" noValidate onSubmit={submit} className="survey-form">
        {noAnswers && (
          <div className="alert alert-error" role="alert">
            <p className="alert-text">{t("survey.noAnswers")}</p>
          </div>
        )}
        <p className="form-hint">{t("survey.skipHint")}</p>
        {survey.questions.map((q, i) => (
          <fieldset key={q.key} className="form-group survey-question">
            <legend className="form-label">
              {i + 1}. {q.text}
            </legend>
            {SCALE.map((score) => (
              <Choice
                key={score}
                type="radio"
                name={`survey-${q.key}`}
                value={String(score)}
                checked={scores[q.key] === score}
                onChange={() => setScores((s) => ({ ...s, [q.key]: score }))}
                label={t(`survey.scale.${score}` as MessageKey)}
              />
            ))}
          </fieldset>
        ))}
        <SubmitButton busy={sending.fetching}>{t("survey.submit")}</SubmitButton>
        <FormStatus error={sending.error} />
      </form>
      <p>{t("survey.help")}</p>
    </>
  );
}
