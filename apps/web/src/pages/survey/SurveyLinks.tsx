import QRCode from "qrcode";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { SubmitButton, VocabularyRadios } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import type { SurveyRespondent } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseSurveyLinksDocument, IssueSurveyLinkDocument } from "./operations.ts";

const RESPONDENTS: SurveyRespondent[] = ["CAREGIVER_FIRST_VISIT", "CAREGIVER_FOLLOW_UP", "YOUNG_PERSON", "SAMRAAD_PARTICIPANT"];

/** The link a respondent opens: the token in the fragment, which no server ever receives. */
export const surveyUrl = (token: string) => `${window.location.origin}/survey#${token}`;

/**
 * The børnehus issues single-use survey links from the case page (docs/surveys.md): the link
 * is shown once (only its hash is kept), as text and as a QR code to scan on a phone. The
 * list says which links were answered, never what was answered.
 */
export function SurveyLinks({ caseId, childAge, mayIssue }: { caseId: string; childAge: number; mayIssue: boolean }) {
  const { t, label, date } = useI18n();
  const [links, refetch] = useQuery({ query: CaseSurveyLinksDocument, variables: { id: caseId } });
  const [issuing, issue] = useMutation(IssueSurveyLinkDocument);
  const [respondent, setRespondent] = useState<SurveyRespondent>("CAREGIVER_FIRST_VISIT");
  const [qr, setQr] = useState<string | null>(null);
  const token = issuing.data?.issueSurveyLink.token ?? null;
  const offered = RESPONDENTS.filter((r) => r !== "YOUNG_PERSON" || (childAge >= 10 && childAge <= 17));
  const rows = links.data?.boernehusCase?.surveyLinks ?? [];
  const now = Date.now();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setQr(null);
    // A new key each time: every link is new, and a replayed key would not show its token again.
    const res = await issue({ input: { caseId, respondent }, idempotencyKey: crypto.randomUUID() });
    if (res.data) refetch({ requestPolicy: "network-only" });
  };
  return (
    <section aria-labelledby="survey-links-title" className="card survey-links">
      <h2 id="survey-links-title">{t("surveyLinks.title")}</h2>
      {rows.length === 0 ? (
        <p>{t("surveyLinks.none")}</p>
      ) : (
        <ul className="items">
          {rows.map((l) => (
            <li key={l.id}>
              {t("surveyLinks.row", {
                respondent: label("SurveyRespondent", l.respondent),
                issued: date(l.issuedAt),
                state: l.answeredAt
                  ? t("surveyLinks.answered", { date: date(l.answeredAt) })
                  : Date.parse(l.expiresAt) <= now
                    ? t("surveyLinks.expired", { date: date(l.expiresAt) })
                    : t("surveyLinks.open", { date: date(l.expiresAt) }),
              })}
            </li>
          ))}
        </ul>
      )}
      {mayIssue && (
        <form id="issue-survey-link" noValidate onSubmit={submit} className="step-form">
          <p>{t("surveyLinks.intro")}</p>
          <fieldset>
            <legend>{t("surveyLinks.respondent")}</legend>
            <VocabularyRadios name="survey-respondent" of="SurveyRespondent" values={offered} state={[respondent, setRespondent]} />
          </fieldset>
          <SubmitButton busy={issuing.fetching} secondary>
            {t("surveyLinks.issue")}
          </SubmitButton>
          <FormStatus error={issuing.error} success={token ? t("surveyLinks.issued") : null} />
        </form>
      )}
      {token && (
        <div className="survey-issued">
          <label className="form-group">
            <span className="form-label">{t("surveyLinks.link")}</span>
            <input className="form-input" readOnly value={surveyUrl(token)} data-survey-link="" onFocus={(e) => e.currentTarget.select()} />
          </label>
          {qr ? (
            <img src={qr} alt={t("surveyLinks.qr")} width={220} height={220} />
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => QRCode.toDataURL(surveyUrl(token), { width: 220, margin: 2 }).then(setQr)}
            >
              {t("surveyLinks.showQr")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
