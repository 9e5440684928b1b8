import { useState } from "react";
import { Link } from "react-router";
import { type CombinedError, useClient, useMutation, useQuery } from "urql";
import { SubmitButton, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, QueryStatus } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { Facts } from "../../components/Restricted.tsx";
import type { BurdenLevel, CourseType, IncomingReferralsQuery } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  AcknowledgeReferralDocument,
  IncomingReferralsDocument,
  RecordCourseRegisteredDocument,
  ReferralRegistrationStatementDocument,
  RegisterCourseFromReferralDocument,
} from "./referralOperations.ts";

type Incoming = IncomingReferralsQuery["incomingReferrals"][number];
const COURSE_TYPES: CourseType[] = ["FULL_COURSE", "SAMRAAD_ONLY"];
const BURDEN_LEVELS: BurdenLevel[] = ["LOW", "MODERATE", "HIGH"];

/**
 * The børnehus's queue (coordinators and leader): referrals addressed to this børnehus whose
 * course is not registered yet. Acknowledge, then register the course from the referral: the
 * municipality's signed statement carries the case id and the referral's facts, so nothing is
 * copied by hand, and the receipt goes back so the municipality sees the course registered.
 */
export function IncomingReferralsPage() {
  const { t } = useI18n();
  const [result, refetch] = useQuery({ query: IncomingReferralsDocument, requestPolicy: "cache-and-network" });
  const [registered, setRegistered] = useState<{ caseId: string; name: string } | null>(null);
  const referrals = result.data?.incomingReferrals ?? [];
  return (
    <section>
      <PageTitle>{t("referral.incoming.title")}</PageTitle>
      <p>{t("referral.incoming.intro")}</p>
      {registered && (
        <p role="status" className="success">
          {t("referral.incoming.registered")} <Link to={`/cases/${registered.caseId}`}>{t("referral.openCase")}</Link>
        </p>
      )}
      <QueryStatus result={result} alertClass="error" />
      {result.data && referrals.length === 0 && <p>{t("referral.incoming.empty")}</p>}
      <ul className="items nobullet-list">
        {referrals.map((r) => (
          <IncomingReferral
            key={r.id}
            referral={r}
            onRegistered={(caseId) => {
              setRegistered({ caseId, name: `${r.child.firstName} ${r.child.lastName}` });
              refetch({ requestPolicy: "network-only" });
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function IncomingReferral({ referral: r, onRegistered }: { referral: Incoming; onRegistered(caseId: string): void }) {
  const { t, label, date, dateTime } = useI18n();
  const client = useClient();
  const [acknowledging, acknowledge] = useMutation(AcknowledgeReferralDocument);
  const [, register] = useMutation(RegisterCourseFromReferralDocument);
  const [, recordRegistered] = useMutation(RecordCourseRegisteredDocument);
  const [type, setType] = useState<CourseType>("FULL_COURSE");
  const [burden, setBurden] = useState<BurdenLevel>("MODERATE");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const name = `${r.child.firstName} ${r.child.lastName}`;
  const headingId = `incoming-${r.id}`;
  const criteria: Array<[boolean, Parameters<typeof t>[0]]> = [
    [r.suspicionOrKnowledge, "referral.criteria.suspicion"],
    [r.childAssessmentDecided, "referral.criteria.bfu"],
    [r.otherSectorInvolved, "referral.criteria.otherSector"],
  ];

  const registerCourse = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // The statement lives 120 s: fetched now, right before the write.
      const statement = await client
        .query(ReferralRegistrationStatementDocument, { id: r.id }, { requestPolicy: "network-only" })
        .toPromise();
      const referralStatement = statement.data?.referral?.registrationStatement;
      if (!referralStatement) return setError(statement.error);
      const res = await register({ input: { referralStatement, type, burdenLevel: burden } });
      if (!res.data) return setError(res.error);
      const { receipt, case: course } = res.data.registerCourseFromReferral;
      // The receipt goes back to the municipality: the referring caseworker sees the course registered.
      const back = await recordRegistered({ input: { referralId: r.id, receipt } });
      if (!back.data) return setError(back.error);
      onRegistered(course.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-incoming-referral={r.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name} · {t("referral.incoming.age", { age: r.childAgeAtReferral })}
      </h2>
      <p>{t("referral.incoming.from", { code: r.municipalityCode, date: date(r.referredAt), name: r.referredByName ?? "" })}</p>
      <p>
        <strong>{label("ReferralHandoverStatus", r.handoverStatus)}</strong>
        {r.acknowledgedAt && r.acknowledgedByName && (
          <> · {t("referral.acknowledgedBy", { name: r.acknowledgedByName, date: dateTime(r.acknowledgedAt) })}</>
        )}
      </p>
      <Facts
        facts={[
          { label: t("referral.abuseTypes"), value: r.abuseTypes.map((a) => label("AbuseType", a)).join(", ") },
          { label: t("referral.incoming.policeReport"), value: r.policeReportFiled ? t("common.yes") : t("common.no") },
        ]}
      />
      <h3>{t("referral.incoming.criteria")}</h3>
      <ul className="nobullet-list criteria">
        {criteria.map(([met, key]) => (
          <li key={key} data-met={met ? "yes" : "no"}>
            <span aria-hidden="true">{met ? "✓" : "✗"}</span> {t(key)}
          </li>
        ))}
      </ul>
      {r.handoverStatus === "RECEIVED" && (
        <p>
          <button
            className="button button-secondary"
            type="button"
            onClick={() => void acknowledge({ referralId: r.id })}
            disabled={acknowledging.fetching}
          >
            {t("referral.incoming.acknowledge")}
            <span className="sr-only"> {name}</span>
          </button>
        </p>
      )}
      <FormStatus error={acknowledging.error} />
      <ValidatedForm id={`register-${r.id}`} onValid={registerCourse} aria-label={`${t("referral.incoming.register")}: ${name}`}>
        <div className="row">
          <VocabularySelect label={t("referral.incoming.type")} of="CourseType" values={COURSE_TYPES} state={[type, setType]} />
          <VocabularySelect label={t("referral.incoming.burden")} of="BurdenLevel" values={BURDEN_LEVELS} state={[burden, setBurden]} />
        </div>
        <SubmitButton busy={busy}>{t("referral.incoming.register")}</SubmitButton>
        <FormStatus error={error} />
      </ValidatedForm>
    </li>
  );
}
