import { PageTitle } from "../components/PageTitle.tsx";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The data protection officer's landing page. The access report has no screen yet (issue 20,
 * point 2); until it has, this page says honestly what the DPO can and cannot do here.
 */
export function DpoPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t("dpo.title")}</PageTitle>
      <p className="lead">{t("dpo.intro")}</p>
      <div className="alert alert-info" data-dpo-not-yet="">
        <div className="alert-body">
          <p className="alert-text">{t("dpo.notYet")}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="dpo-can">
        <h2 id="dpo-can">{t("dpo.what")}</h2>
        <ul>
          <li>{t("dpo.can1")}</li>
          <li>{t("dpo.can2")}</li>
        </ul>
        <p>{t("dpo.cannot")}</p>
      </section>
    </>
  );
}
