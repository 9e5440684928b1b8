import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import { DateTimeInput, SubmitButton, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { LoadFailure } from "../../components/LoadFailure.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { TrafficLight } from "../../components/TrafficLight.tsx";
import type { Clock } from "../../domain/clocks.ts";
import type { FollowUpQuery } from "../../generated/graphql.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { FollowUpDocument, StartMeasureDocument } from "./operations.ts";

type FollowUpCase = NonNullable<FollowUpQuery["boernehusCase"]>;
type MeasureRow = NonNullable<FollowUpCase["measures"]>[number];

/**
 * The municipality's 6-month follow-up (the FOLLOW_UP clock, and the FOLLOW_UP_DUE alert that
 * leads here): for each of the final note's recommendations, what the municipality answered
 * and whether the recommended support has started. The follow-up is met when a measure the
 * municipality answered a recommendation with has started; the caseworker records that start here.
 */
export function FollowUpPage() {
  const { caseId = "" } = useParams();
  const { t, label, date } = useI18n();
  const user = useUser();
  const [result, refetch] = useQuery({ query: FollowUpDocument, variables: { id: caseId }, requestPolicy: "cache-and-network" });
  const data = result.data?.boernehusCase;
  const retry = () => refetch({ requestPolicy: "network-only" });
  if (result.fetching && !result.data) return <p role="status">{t("common.loading")}</p>;
  if (!data) return <LoadFailure error={result.error} onRetry={retry} />;
  const childName = data.child ? `${data.child.firstName} ${data.child.lastName}` : null;
  const clock = (data.municipalityClocks ?? []).find((c) => c.kind === "FOLLOW_UP") as Clock | undefined;
  const note = data.finalNote;
  const mayWrite = user.sector === "MUNICIPALITY" && data.myAccess.basis !== "EMERGENCY";
  const measures = new Map((data.measures ?? []).map((m) => [m.id, m]));
  return (
    <>
      <Breadcrumbs
        items={[
          { label: childName ? t("case.title", { name: childName }) : t("case.titleUnnamed"), to: `/cases/${data.id}` },
          { label: t("steps.followUp.title") },
        ]}
      />
      <PageTitle>{t("steps.followUp.title")}</PageTitle>
      <p>{t("steps.followUp.intro")}</p>
      {clock && (
        <p data-follow-up-clock={clock.status}>
          <TrafficLight clock={clock} />
        </p>
      )}
      {!note?.sentAt ? (
        <p data-empty="follow-up">{t("steps.followUp.noNote")}</p>
      ) : note.recommendations.length === 0 ? (
        <p data-empty="follow-up">{t("steps.followUp.noRecommendations")}</p>
      ) : (
        <>
          <p>{t("steps.followUp.sent", { date: date(note.sentAt) })}</p>
          <ol className="nobullet-list">
            {note.recommendations.map((r, i) => {
              const answer = (data.recommendationResponses ?? []).find((x) => x.recommendationId === r.id);
              const measure = answer?.measure ? measures.get(answer.measure.id) : undefined;
              return (
                <li key={r.id} className="card" data-recommendation={r.id}>
                  <h2>{t("steps.followUp.recommendation", { n: i + 1, kind: label("RecommendationKind", r.kind) })}</h2>
                  <p className="pre">{r.description}</p>
                  {!answer ? (
                    <p>
                      {t("steps.followUp.notAnswered")} <Link to={`/cases/${data.id}/final-note`}>{t("steps.followUp.answer")}</Link>
                    </p>
                  ) : answer.response === "MEASURE" && measure ? (
                    <MeasureStatus measure={measure} mayWrite={mayWrite} onDone={retry} />
                  ) : (
                    <p>
                      {t("steps.followUp.answered", { response: label("ResponseKind", answer.response), date: date(answer.respondedAt) })}
                      {answer.otherSupportKind && <> · {label("OtherSupportKind", answer.otherSupportKind)}</>}
                      {answer.otherSupport && <> · {answer.otherSupport}</>}
                      {answer.declineReason && <> · {label("DeclineReason", answer.declineReason)}</>}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}

function MeasureStatus({ measure, mayWrite, onDone }: { measure: MeasureRow; mayWrite: boolean; onDone(): void }) {
  const { t, label, date } = useI18n();
  const [starting, start] = useMutation(StartMeasureDocument);
  const [startedAt, setStartedAt] = useState(() => toLocalInput(new Date()));
  const [idempotencyKey] = useIdempotencyKey();
  const what = t("child.measureLine", { kind: label("MeasureKind", measure.kind), step: measure.ladderStep });
  const formId = `start-measure-${measure.id.slice(0, 8)}`;
  return (
    <>
      <p data-measure={measure.startedAt ? "started" : "decided"}>
        {measure.startedAt
          ? t("steps.followUp.measureStarted", { what, decided: date(measure.decidedAt), started: date(measure.startedAt) })
          : t("steps.followUp.measureDecided", { what, decided: date(measure.decidedAt) })}
      </p>
      {!measure.startedAt && mayWrite && (
        <ValidatedForm
          id={formId}
          aria-label={t("steps.followUp.startFor", { what })}
          onValid={async () => {
            const res = await start({
              input: { measureId: measure.id, startedAt: fromLocalInput(startedAt), version: measure.version },
              idempotencyKey,
            });
            if (res.data) onDone();
          }}
        >
          <DateTimeInput id={`${formId}-at`} label={t("steps.followUp.startedAt")} required value={startedAt} onChange={setStartedAt} />
          <SubmitButton busy={starting.fetching}>{t("steps.followUp.start")}</SubmitButton>
          <FormStatus
            error={starting.error}
            success={starting.data ? t("steps.followUp.started") : null}
            labels={{ startedAt: t("steps.followUp.startedAt") }}
          />
        </ValidatedForm>
      )}
    </>
  );
}
