import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../auth/session.tsx";
import { VocabularySelect } from "../components/Form.tsx";
import { ErrorText } from "../components/FormStatus.tsx";
import { isAnalyst, isDpo, isLeader } from "../components/Layout.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorPictureProvider, Field } from "../components/Restricted.tsx";
import { Table } from "../components/Table.tsx";
import { ClockList } from "../components/TrafficLight.tsx";
import { mergeClocks, mostUrgentPerKind } from "../domain/clocks.ts";
import { graphql } from "../generated/gql.ts";
import type { CourseStatus, MyCasesQuery } from "../generated/graphql.ts";
import { pictureOf } from "../graphql/errors.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { RestrictedCases } from "./RestrictedCases.tsx";

export const MyCasesDocument = graphql(`
  query MyCases($first: Int) {
    boernehusCases(first: $first) {
      id status type region municipalityCode childAgeAtReferral referralReceivedAt
      myAccess { basis }
      child { ...ChildName }
      samraadMeetings { id kind status scheduledAt }
      actionItems { id status }
    }
  }
`);

/**
 * The clocks in a query of their own: each sector computes its own, and a sector that is
 * down must cost the list its traffic lights, not the list.
 */
export const MyCaseClocksDocument = graphql(`
  query MyCaseClocks($first: Int) {
    boernehusCases(first: $first) { ...CaseClocks }
  }
`);

type CaseRow = MyCasesQuery["boernehusCases"][number];
const STATUSES: CourseStatus[] = ["REFERRED", "ACTIVE", "FINAL_NOTE", "CLOSED"];

/** The child as a list or a heading names it. */
export const ChildNameFragmentDoc = graphql(`
  fragment ChildName on Child { id firstName lastName }
`);

export function childName(row: { child?: { firstName: string; lastName: string } | null }): string | null {
  return row.child ? `${row.child.firstName} ${row.child.lastName}` : null;
}

function nextSamraad(row: CaseRow): CaseRow["samraadMeetings"][number] | undefined {
  return row.samraadMeetings
    .filter((m) => m.status === "PLANNED" && Date.parse(m.scheduledAt) >= Date.now() - 86_400_000)
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
}

function matches(row: CaseRow, search: string): boolean {
  if (!search) return true;
  const haystack = [childName(row) ?? "", row.id, row.municipalityCode].join(" ").toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** Why the list is empty: a filter hides the cases, or the person takes part in none, and what to do instead. */
function EmptyCases({ anyCases }: { anyCases: boolean }) {
  const { t } = useI18n();
  const user = useUser();
  if (anyCases) return <p data-empty="filter">{t("cases.emptyFilter")}</p>;
  if (isAnalyst(user))
    return (
      <p data-empty="analyst">
        {t("cases.emptyAnalyst")} <Link to="/statistics">{t("cases.toStatistics")}</Link>
      </p>
    );
  if (isDpo(user))
    return (
      <p data-empty="dpo">
        {t("cases.emptyDpo")} <Link to="/data-protection">{t("cases.toDpo")}</Link>
      </p>
    );
  if (isLeader(user.roles))
    return (
      <p data-empty="leader">
        {t("cases.emptyLeader")} <Link to="/dashboard">{t("cases.toDashboard")}</Link>
      </p>
    );
  return <p data-empty="none">{t("cases.emptyNone")}</p>;
}

export function MyCasesPage() {
  const { t, tp, label, date, dateTime } = useI18n();
  const user = useUser();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CourseStatus | "">("");
  const [result] = useQuery({ query: MyCasesDocument, variables: { first: 200 } });
  // After the list: fewer requests at once on the sectors' databases.
  const [clockResult] = useQuery({ query: MyCaseClocksDocument, variables: { first: 200 }, pause: !result.data });
  const clocksByCase = useMemo(
    () =>
      new Map(
        (clockResult.data?.boernehusCases ?? []).map((c) => [c.id, mergeClocks(c.municipalityClocks, c.policeClocks, c.boernehusClocks)]),
      ),
    [clockResult.data],
  );
  const picture = useMemo(() => pictureOf(result.error), [result.error]);
  const rows = (result.data?.boernehusCases ?? []).filter((row) => (!status || row.status === status) && matches(row, search.trim()));

  return (
    <ErrorPictureProvider picture={picture}>
      <PageTitle>{t("cases.title")}</PageTitle>
      <p className="lead">{t("cases.intro")}</p>
      <search className="filters">
        <label className="form-group">
          <span className="form-label">{t("cases.search")}</span>
          <input
            className="form-input"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-describedby="search-hint"
          />
        </label>
        <span id="search-hint" className="form-hint">
          {t("cases.searchHint")}
        </span>
        <VocabularySelect
          label={t("cases.filterStatus")}
          of="CourseStatus"
          values={STATUSES}
          state={[status, setStatus]}
          none={t("cases.filterAll")}
        />
      </search>
      {result.fetching && !result.data && <p role="status">{t("common.loading")}</p>}
      {picture.other.length > 0 && !result.data && (
        <p role="alert">
          <ErrorText error={result.error} />
        </p>
      )}
      {result.data && (
        <>
          <p role="status" className="count">
            {tp("cases.count", rows.length)}
          </p>
          {rows.length === 0 ? (
            <EmptyCases anyCases={(result.data?.boernehusCases.length ?? 0) > 0} />
          ) : (
            <Table
              caption={t("cases.title")}
              columns={[
                t("cases.col.child"),
                t("cases.col.status"),
                t("cases.col.nextSamraad"),
                t("cases.col.openItems"),
                t("cases.col.clocks"),
                t("cases.col.access"),
              ]}
            >
              {rows.map((row) => {
                const name = childName(row) ?? t("cases.unnamedChild", { age: row.childAgeAtReferral });
                const next = nextSamraad(row);
                const open = row.actionItems.filter((a) => a.status === "OPEN" || a.status === "IN_PROGRESS").length;
                const clocks = mostUrgentPerKind(clocksByCase.get(row.id) ?? []);
                return (
                  <tr key={row.id} data-case-id={row.id}>
                    <th scope="row">
                      <Link to={`/cases/${row.id}`} aria-label={t("cases.caseLink", { name })}>
                        <Field coordinate="BoernehusCase.child">{row.child ? name : null}</Field>
                      </Link>
                      <div className="muted small">
                        {label("Region", row.region)} · {row.municipalityCode} · {date(row.referralReceivedAt)}
                      </div>
                    </th>
                    <td>{label("CourseStatus", row.status)}</td>
                    <td>{next ? `${label("MeetingKind", next.kind)}, ${dateTime(next.scheduledAt)}` : t("cases.noNextSamraad")}</td>
                    <td>{open}</td>
                    <td>
                      <ClockList clocks={clocks} compact />
                    </td>
                    <td>{label("AccessBasis", row.myAccess.basis)}</td>
                  </tr>
                );
              })}
            </Table>
          )}
        </>
      )}
      {/* Leaders: the cases their organisation's people take part in that they may not open, shown as such. */}
      {isLeader(user.roles) && <RestrictedCases />}
    </ErrorPictureProvider>
  );
}
