import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { type CombinedError, useMutation } from "urql";
import { useUser } from "../../auth/session.tsx";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import {
  Choice,
  DateTimeInput,
  FieldError,
  parseDanishDate,
  SubmitButton,
  TextField,
  ValidatedForm,
  VocabularySelect,
} from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { AbuseType, Gender, NotificationSource, Region } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  AssessNotificationForReferralDocument,
  DecideChildAssessmentForReferralDocument,
  RecordNotificationForReferralDocument,
  ReferToBoernehusDocument,
  RegisterChildForReferralDocument,
} from "./referralOperations.ts";

const REGIONS: Region[] = ["HOVEDSTADEN", "SJAELLAND", "SYDDANMARK", "MIDTJYLLAND", "NORDJYLLAND"];
const ABUSE_TYPES: AbuseType[] = ["PHYSICAL", "SEXUAL", "PSYCHOLOGICAL"];
const GENDERS: Gender[] = ["GIRL", "BOY"];
const SOURCES: NotificationSource[] = ["SCHOOL", "DAYCARE", "HEALTH_CARE", "POLICE", "FAMILY", "ANONYMOUS", "OTHER"];
const CRITERIA = ["suspicion", "bfu", "otherSector"] as const;
type Criterion = (typeof CRITERIA)[number];

/**
 * The caseworker refers a child to the børnehus (opstartsskema): the child, the notification
 * (underretning) that started it, the BFU decision,
 * the three criteria as a checklist, and where it goes. The referral lands in that børnehus's
 * queue at once.
 */
export function NewReferralPage() {
  const { t, label } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [, registerChild] = useMutation(RegisterChildForReferralDocument);
  const [, recordNotification] = useMutation(RecordNotificationForReferralDocument);
  const [, assessNotification] = useMutation(AssessNotificationForReferralDocument);
  const [, decideBfu] = useMutation(DecideChildAssessmentForReferralDocument);
  const [, refer] = useMutation(ReferToBoernehusDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [clientProblem, setClientProblem] = useState<string | null>(null);
  // A child registered on an earlier try is not registered again.
  const [childId, setChildId] = useState<string | null>(null);
  const [child, setChild] = useState({ cpr: "", firstName: "", lastName: "", birthDate: "", gender: "GIRL" as Gender });
  const now = Date.now();
  const [notification, setNotification] = useState({ source: "SCHOOL" as NotificationSource, concern: "" });
  const [receivedAt, setReceivedAt] = useState(toLocalInput(new Date(now - 3 * 3_600_000)));
  const [bfuAt, setBfuAt] = useState(toLocalInput(new Date(now - 3_600_000)));
  const [referredAt, setReferredAt] = useState(toLocalInput(new Date(now)));
  const [region, setRegion] = useState<Region>("HOVEDSTADEN");
  const [criteria, setCriteria] = useState<Record<Criterion, boolean>>({ suspicion: false, bfu: false, otherSector: false });
  const [abuseTypes, setAbuseTypes] = useState<AbuseType[]>([]);
  const [policeReportFiled, setPoliceReportFiled] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (!CRITERIA.every((c) => criteria[c])) return setClientProblem(t("referral.criteria.missing"));
    if (abuseTypes.length === 0) return setClientProblem(t("referral.abuseTypes.missing"));
    setClientProblem(null);
    setBusy(true);
    try {
      let id = childId;
      if (!id) {
        const [y, m, d] = parseDanishDate(child.birthDate) ?? [0, 0, 0];
        const birthDate = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const res = await registerChild({ input: { ...child, birthDate, municipalityCode: user.organisation } });
        if (!res.data) return setError(res.error);
        id = res.data.registerChild.id;
        setChildId(id);
        const received = await recordNotification({
          input: { childId: id, receivedAt: fromLocalInput(receivedAt), source: notification.source, concern: notification.concern },
        });
        if (!received.data) return setError(received.error);
        // The BFU decision is the assessment of the notification: it is assessed then.
        const assessed = await assessNotification({
          input: { notificationId: received.data.recordNotification.id, assessedAt: fromLocalInput(bfuAt) },
        });
        if (!assessed.data) return setError(assessed.error);
        const bfu = await decideBfu({ input: { childId: id, decidedAt: fromLocalInput(bfuAt) } });
        if (!bfu.data) return setError(bfu.error);
      }
      const res = await refer({
        input: {
          childId: id,
          boernehusRegion: region,
          suspicionOrKnowledge: criteria.suspicion,
          childAssessmentDecided: criteria.bfu,
          otherSectorInvolved: criteria.otherSector,
          abuseTypes,
          policeReportFiled,
          referredAt: fromLocalInput(referredAt),
        },
      });
      if (!res.data) return setError(res.error);
      navigate("/referrals", { state: { sent: true } });
    } finally {
      setBusy(false);
    }
  };

  const text = (key: keyof typeof child, labelKey: Parameters<typeof t>[0], extra: Record<string, string> = {}) => (
    <label className="form-group">
      <span className="form-label">{t(labelKey)}</span>
      <FieldError id={`referral-${key}`} />
      <input
        id={`referral-${key}`}
        className="form-input"
        required
        disabled={childId !== null}
        value={child[key]}
        onChange={(e) => setChild({ ...child, [key]: e.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <section>
      <Breadcrumbs items={[{ label: t("referral.nav.municipality"), to: "/referrals" }, { label: t("referral.new.title") }]} />
      <PageTitle>{t("referral.new.title")}</PageTitle>
      <p>{t("referral.new.intro")}</p>
      <ValidatedForm id="new-referral" onValid={submit} aria-label={t("referral.new.title")}>
        <fieldset>
          <legend>{t("referral.child.heading")}</legend>
          <div className="row">
            {text("cpr", "referral.child.cpr", { inputMode: "numeric", autoComplete: "off" })}
            {text("firstName", "referral.child.firstName")}
            {text("lastName", "referral.child.lastName")}
          </div>
          <div className="row">
            {text("birthDate", "referral.child.birthDate", { inputMode: "numeric", "data-kind": "date" })}
            <VocabularySelect
              label={t("referral.child.gender")}
              of="Gender"
              values={GENDERS}
              state={[child.gender, (v) => setChild({ ...child, gender: v })]}
              disabled={childId !== null}
            />
          </div>
        </fieldset>
        {childId === null && (
          <fieldset data-notification="">
            <legend>{t("referral.notification.heading")}</legend>
            <div className="row">
              <VocabularySelect
                label={t("referral.notification.source")}
                of="NotificationSource"
                values={SOURCES}
                state={[notification.source, (v) => setNotification({ ...notification, source: v })]}
              />
              <DateTimeInput
                id="referral-notification-at"
                label={t("referral.notification.receivedAt")}
                required
                value={receivedAt}
                onChange={setReceivedAt}
              />
            </div>
            <TextField
              id="referral-notification-concern"
              label={t("referral.notification.concern")}
              hint={t("referral.notification.concernHint")}
              required
              state={[notification.concern, (v) => setNotification({ ...notification, concern: v })]}
              multiline
            />
            <DateTimeInput id="referral-bfu" label={t("referral.bfu.decidedAt")} required value={bfuAt} onChange={setBfuAt} />
            <p className="form-hint">{t("referral.notification.assessedHint")}</p>
          </fieldset>
        )}
        <fieldset data-criteria="">
          <legend>{t("referral.criteria.legend")}</legend>
          {CRITERIA.map((c) => (
            <Choice
              key={c}
              type="checkbox"
              checked={criteria[c]}
              onChange={(e) => setCriteria({ ...criteria, [c]: e.target.checked })}
              label={t(`referral.criteria.${c}` as Parameters<typeof t>[0])}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("referral.abuseTypes")}</legend>
          {ABUSE_TYPES.map((a) => (
            <Choice
              key={a}
              type="checkbox"
              checked={abuseTypes.includes(a)}
              onChange={(e) => setAbuseTypes(e.target.checked ? [...abuseTypes, a] : abuseTypes.filter((x) => x !== a))}
              label={label("AbuseType", a)}
            />
          ))}
        </fieldset>
        <div className="row">
          <VocabularySelect label={t("referral.region")} of="Region" values={REGIONS} state={[region, setRegion]} />
          <DateTimeInput id="referral-at" label={t("referral.referredAt")} required value={referredAt} onChange={setReferredAt} />
        </div>
        <Choice
          type="checkbox"
          checked={policeReportFiled}
          onChange={(e) => setPoliceReportFiled(e.target.checked)}
          label={t("referral.policeReportFiled")}
        />
        {clientProblem && (
          <div role="alert" className="alert alert-error error">
            <p className="alert-text">{clientProblem}</p>
          </div>
        )}
        <div className="actions">
          <SubmitButton busy={busy}>{t("referral.submit")}</SubmitButton>
          <Link to="/referrals">{t("common.cancel")}</Link>
        </div>
        <FormStatus
          error={error}
          labels={{
            referredAt: t("referral.referredAt"),
            decidedAt: t("referral.bfu.decidedAt"),
            receivedAt: t("referral.notification.receivedAt"),
            assessedAt: t("referral.bfu.decidedAt"),
            concern: t("referral.notification.concern"),
          }}
        />
      </ValidatedForm>
    </section>
  );
}
