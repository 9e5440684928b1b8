import { useQuery } from "urql";
import { QueryStatus } from "../../components/FormStatus.tsx";
import { Table } from "../../components/Table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseworkerCaseloadsDocument } from "./continuityOperations.ts";

/**
 * The municipality leader's caseload per caseworker against the 20-25 guideline: her own
 * organisation's named caseworkers, so only for a municipality's leaders (the API refuses
 * everyone else; the statistics carry the caseload only as a suppressed aggregate).
 */
export function CaseloadTable() {
  const { t, tp, label } = useI18n();
  const [result] = useQuery({ query: CaseworkerCaseloadsDocument, requestPolicy: "cache-and-network" });
  const rows = result.data?.caseworkerCaseloads ?? [];
  const above = rows.filter((r) => r.guideline === "ABOVE").length;
  return (
    <section aria-labelledby="caseload-title" className="card" data-caseload={rows.length}>
      <h2 id="caseload-title">{t("caseload.title")}</h2>
      <p>{t("caseload.intro")}</p>
      <QueryStatus result={result} alertClass="alert alert-warning" />
      {result.data &&
        (rows.length === 0 ? (
          <p>{t("caseload.none")}</p>
        ) : (
          <>
            {above > 0 && <p className="alert alert-warning">{tp("caseload.above", above)}</p>}
            <Table
              wrap="table-responsive-header"
              className="table table--compact"
              columns={[
                t("caseload.caseworker"),
                t("caseload.boernehusCourses"),
                t("caseload.takenOver"),
                t("caseload.total"),
                t("caseload.guideline"),
              ]}
            >
              {rows.map((r) => (
                <tr key={r.caseworkerSub} data-guideline={r.guideline}>
                  <th scope="row">{r.caseworkerName}</th>
                  <td>{r.boernehusCourses}</td>
                  <td>{r.takenOver}</td>
                  <td>{r.totalCaseload ?? <span className="muted">{t("caseload.totalUnknown")}</span>}</td>
                  <td>{label("CaseloadGuideline", r.guideline)}</td>
                </tr>
              ))}
            </Table>
          </>
        ))}
    </section>
  );
}
