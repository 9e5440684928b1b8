import type { ReactNode } from "react";
import type { SectorName } from "../../graphql/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** One sector's part of the case. When that sector's subgraph does not answer, the panel says so. */
export function SectorPanel(props: { sector: SectorName; unavailable: boolean; onRetry?(): void; children: ReactNode }) {
  const { t, label } = useI18n();
  const id = `panel-${props.sector}`;
  return (
    <section aria-labelledby={id} className={`card panel sector-${props.sector}`} data-sector={props.sector}>
      <h3 id={id}>{t(`panel.${props.sector}`)}</h3>
      {props.unavailable ? (
        <div className="alert alert-warning unavailable" role="status">
          <p className="alert-text">{t("unavailable.sector", { sector: label("Sector", props.sector) })}</p>
          {props.onRetry && (
            <button className="button button-secondary" type="button" onClick={props.onRetry}>
              {t("unavailable.retry")}
            </button>
          )}
        </div>
      ) : (
        props.children
      )}
    </section>
  );
}
