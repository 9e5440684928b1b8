import { useMemo } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import { LoadFailure } from "../../components/LoadFailure.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ErrorPictureProvider, Facts, Field } from "../../components/Restricted.tsx";
import { graphql } from "../../generated/gql.ts";
import { pictureOf } from "../../graphql/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ConsideredList, NoteAge } from "./Developments.tsx";
import { FinalNoteEditor } from "./FinalNoteEditor.tsx";
import { type FinalNoteData, FinalNotePageDocument } from "./finalNoteOperations.ts";
import { RespondForm } from "./RespondForm.tsx";

/** A recommendation of the final note, as the note, the case page and the follow-up show it. */
export const RecommendationFieldsFragmentDoc = graphql(`
  fragment RecommendationFields on Recommendation { id kind description }
`);

type Recommendation = FinalNoteData["recommendations"][number];

function ResponseView({ rec }: { rec: Recommendation }) {
  const { t, label, date } = useI18n();
  const r = rec.response;
  if (!r) return <p className="muted">{t("finalNote.noResponse")}</p>;
  const detail =
    r.response === "MEASURE" && r.measure
      ? t("child.measureLine", { kind: label("MeasureKind", r.measure.kind), step: r.measure.ladderStep })
      : r.response === "OTHER_SUPPORT"
        ? [r.otherSupportKind && label("OtherSupportKind", r.otherSupportKind), r.otherSupport].filter(Boolean).join(": ")
        : r.declineReason
          ? label("DeclineReason", r.declineReason)
          : "";
  return (
    <div className="response" data-response={r.response}>
      <strong>
        {t("finalNote.response")}: {label("ResponseKind", r.response)}
      </strong>
      {detail && <> · {detail}</>}
      {r.note && <> · {r.note}</>}
      <div className="muted small">{t("finalNote.respondedBy", { name: r.respondedByName, date: date(r.respondedAt) })}</div>
    </div>
  );
}

/** The final note: written, signed and sent by the børnehus; each recommendation answered by the municipality. */
export function FinalNotePage() {
  const { caseId = "" } = useParams();
  const { t, label, date } = useI18n();
  const user = useUser();
  const [result, refetch] = useQuery({ query: FinalNotePageDocument, variables: { caseId } });
  const picture = useMemo(() => pictureOf(result.error), [result.error]);
  const course = result.data?.boernehusCase;
  const refresh = () => refetch({ requestPolicy: "network-only" });
  if (result.fetching && !result.data) return <p role="status">{t("common.loading")}</p>;
  if (!course) return <LoadFailure error={result.error} onRetry={refresh} />;
  const note = course.finalNote;
  const name = course.child ? `${course.child.firstName} ${course.child.lastName}` : "";
  const writer = user.sector === "BOERNEHUS" && course.status === "ACTIVE" && note?.status !== "SENT";

  return (
    <ErrorPictureProvider picture={picture}>
      <Breadcrumbs
        items={[
          { label: name ? t("case.title", { name }) : t("breadcrumbs.case"), to: `/cases/${course.id}` },
          { label: t("finalNote.title") },
        ]}
      />
      <PageTitle>{t("finalNote.title")}</PageTitle>
      {course.finalNoteAge && <NoteAge age={course.finalNoteAge} />}
      {writer && (
        <FinalNoteEditor
          key={note ? `${note.id}-${note.version}` : "new"}
          caseId={course.id}
          note={note ?? null}
          developments={course.developmentsSinceAssessment?.items ?? null}
          since={course.developmentsSinceAssessment?.since ?? null}
          onChanged={refresh}
        />
      )}
      {note ? (
        <section className="card" aria-labelledby="note-title">
          <h2 id="note-title">
            {t("finalNote.title")} · {label("FinalNoteStatus", note.status)}
          </h2>
          <Facts
            facts={[
              { label: t("finalNote.status"), value: label("FinalNoteStatus", note.status) },
              {
                label: t("finalNote.signedAt"),
                value: note.signedAt ? `${date(note.signedAt)} · ${note.signedByName ?? ""}` : t("common.none"),
              },
              { label: t("finalNote.sentAt"), value: note.sentAt ? date(note.sentAt) : t("common.none") },
            ]}
          />
          {/* The writer reads the text in the editor while it is a draft; once signed, here, before she sends it. */}
          {(!writer || note.status !== "DRAFT") && (
            <>
              <h3>{t("finalNote.text")}</h3>
              <p className="pre">
                <Field coordinate="FinalNote.text">{note.text ?? (note.status === "SENT" ? null : t("finalNote.notYet"))}</Field>
              </p>
            </>
          )}
          {(!writer || note.status !== "DRAFT") && (
            <>
              <h3>{t("finalNote.considered.title")}</h3>
              <ConsideredList considered={note.consideredDevelopments} developments={course.developmentsSinceAssessment?.items ?? []} />
            </>
          )}
          <h3>{t("finalNote.recommendations")}</h3>
          {note.recommendations.length === 0 ? (
            <p>{t("finalNote.noRecommendations")}</p>
          ) : (
            <ol className="items">
              {note.recommendations.map((rec, i) => (
                <li key={rec.id} data-recommendation={rec.id}>
                  <strong>{label("RecommendationKind", rec.kind)}</strong>: {rec.description}
                  {/* Only a sent note can be answered: no "not answered yet" on a draft. */}
                  {note.status === "SENT" && <ResponseView rec={rec} />}
                  {user.sector === "MUNICIPALITY" && note.status === "SENT" && !rec.response && (
                    <RespondForm caseId={course.id} recommendationId={rec.id} index={i} measures={course.measures} onDone={refresh} />
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : (
        !writer && <p>{t("finalNote.notYet")}</p>
      )}
    </ErrorPictureProvider>
  );
}
