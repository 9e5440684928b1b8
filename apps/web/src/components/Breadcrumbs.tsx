import { Link } from "react-router";
import { useI18n } from "../i18n/i18n.tsx";

export interface Crumb {
  label: string;
  /** Where the crumb leads; the last crumb (this page) has none. */
  to?: string;
}

/**
 * DKFDS's breadcrumbs above the page's heading: the front page (each role's own landing
 * page), then the way to this page. The current page is the last item, not a link.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  const all: Crumb[] = [{ label: t("breadcrumbs.home"), to: "/" }, ...items];
  return (
    <nav className="breadcrumbs no-print" aria-label={t("breadcrumbs.label")}>
      <ol className="breadcrumbs__list">
        {all.map((crumb) => (
          <li key={`${crumb.to ?? "here"}-${crumb.label}`} className="breadcrumbs__list-item" aria-current={crumb.to ? undefined : "page"}>
            {crumb.to ? (
              <Link className="breadcrumbs__link" to={crumb.to}>
                {crumb.label}
              </Link>
            ) : (
              crumb.label
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
