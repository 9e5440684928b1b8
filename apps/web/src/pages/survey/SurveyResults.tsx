import { useQuery } from "urql";
import { QueryStatus } from "../../components/FormStatus.tsx";
import { Table } from "../../components/Table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SurveyResultsDocument } from "./operations.ts";

/**
 * The børnehus leader's survey results on the dashboard: aggregates for one year, a question
 * answered fewer than 5 times withheld by the server (docs/surveys.md), never a single answer.
 */
export function SurveyResults({ year }: { year: number }) {
  const { t, label, number } = useI18n();
  const [result] = useQuery({ query: SurveyResultsDocument, variables: { year } });
  const rows = result.data?.surveyResults ?? [];
  return (
    <section aria-labelledby="survey-results-title" className="card survey-results">
      <h2 id="survey-results-title">{t("surveyResults.title")}</h2>
      <p>{t("surveyResults.intro", { year })}</p>
      <QueryStatus result={result} />
      {result.data && rows.length === 0 && <p>{t("surveyResults.none", { year })}</p>}
      {rows.length > 0 && (
        <Table
          wrap="table-responsive-wrapper"
          className="table table--compact"
          data-survey-results=""
          columns={[t("surveyResults.respondent"), t("surveyResults.question"), t("surveyResults.answers"), t("surveyResults.agree")]}
        >
          {rows.map((r) => (
            <tr key={`${r.respondent}/${r.questionKey}`}>
              <td>{label("SurveyRespondent", r.respondent)}</td>
              <td>{r.questionText}</td>
              {r.withheld || r.answers === null ? (
                <td colSpan={2}>{t("surveyResults.withheld")}</td>
              ) : (
                <>
                  <td>{number(r.answers)}</td>
                  <td>{r.agreeShare === null ? t("surveyResults.shareWithheld") : `${number(r.agreeShare * 100, 0)} %`}</td>
                </>
              )}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
