import type { ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { useIdleTimeout } from "../auth/idle.ts";
import { useSession, useUser } from "../auth/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { LANGUAGES } from "../i18n/messages.ts";
import { QuestionDialog } from "./Form.tsx";

export function isLeader(roles: readonly string[]): boolean {
  return roles.includes("leader");
}

export const isAnalyst = (user: { roles: readonly string[] }) => user.roles.includes("analyst");
export const isDpo = (user: { roles: readonly string[] }) => user.roles.includes("dpo");
/** The municipality's people who refer (caseworkers, leaders): the referrals page. */
export const refers = (user: { sector: string; roles: readonly string[] }) =>
  user.sector === "MUNICIPALITY" && user.roles.some((r) => r === "caseworker" || r === "leader");
/** The børnehus's coordinators and leader receive referrals: the queue. */
export const receivesReferrals = (user: { sector: string; roles: readonly string[] }) =>
  user.sector === "BOERNEHUS" && user.roles.some((r) => r === "coordinator" || r === "leader");

/** Where a person starts: the page of their work, not an empty case list. */
export function landingPath(user: { roles: readonly string[] }): string {
  if (isAnalyst(user)) return "/statistics";
  if (isDpo(user)) return "/data-protection";
  if (isLeader(user.roles)) return "/dashboard";
  return "/cases";
}

function IdleWarning({ secondsLeft, onStay, onLogout }: { secondsLeft: number; onStay(): void; onLogout(): void }) {
  const { t, tp } = useI18n();
  return (
    <QuestionDialog
      className="idle-dialog"
      title={t("idle.title")}
      body={tp("idle.body", secondsLeft)}
      yes={t("idle.stay")}
      no={t("idle.logout")}
      onYes={onStay}
      onNo={onLogout}
      escapeAnswersNo={false}
    />
  );
}

/**
 * DKFDS's header: the skip link, then the portal line with the solution's name (and, signed
 * in, who it is, language and log out), then whatever follows in the header (the main menu).
 */
export function AppHeader({ name, tagline, user, children }: { name: string; tagline?: string; user?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skipnav" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="header app-header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <div className="solution-heading brand">
              <span className="brand-name">{name}</span>
              {tagline && <span className="brand-tagline">{tagline}</span>}
            </div>
            {user}
          </div>
        </div>
        {children}
      </header>
    </>
  );
}

/** The signed-in frame: skip link, header with menu, language and logout, the idle timeout. */
export function Layout() {
  const { t, language, setLanguage, label } = useI18n();
  const { signOut } = useSession();
  const user = useUser();
  const idle = useIdleTimeout({ onTimeout: () => signOut("idle") });
  const items: Array<{ to: string; label: string; end?: boolean }> = [];
  if (!isAnalyst(user) && !isDpo(user)) items.push({ to: "/cases", label: t("nav.myCases") }, { to: "/alerts", label: t("nav.alerts") });
  if (refers(user)) items.push({ to: "/referrals", label: t("referral.nav.municipality"), end: true });
  if (receivesReferrals(user)) items.push({ to: "/referrals/incoming", label: t("referral.nav.incoming") });
  // The DPO's alerts: an emergency access in her organisation found unjustified (docs/access-model.md §5).
  if (isDpo(user)) items.push({ to: "/data-protection", label: t("nav.dpo") }, { to: "/alerts", label: t("nav.alerts") });
  if (isLeader(user.roles)) items.push({ to: "/dashboard", label: t("nav.dashboard") });
  if (isLeader(user.roles) || isAnalyst(user)) items.push({ to: "/statistics", label: t("nav.statistics") });
  return (
    <>
      <AppHeader
        name={t("app.name")}
        tagline={t("app.tagline")}
        user={
          <div className="portal-user user">
            <p className="user-name">
              {t("nav.signedInAs", { name: user.name })}
              <span className="muted"> · {user.roles.map((r) => label("Role", r)).join(", ")}</span>
            </p>
            <label className="language">
              <span>{t("nav.language")}</span>
              <select className="form-select" value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {l === "da" ? t("nav.languageDanish") : t("nav.languageEnglish")}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button-secondary" onClick={() => signOut("user")}>
              {t("nav.logout")}
            </button>
          </div>
        }
      >
        <nav className="navigation-menu" aria-label={t("nav.main")}>
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {items.map((item) => (
                <li key={item.to} className="mainmenu-item">
                  <NavLink to={item.to} end={item.end} className={({ isActive }) => `nav-link${isActive ? " current" : ""}`}>
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </AppHeader>
      <main id="main" tabIndex={-1} className="container">
        <Outlet />
      </main>
      {idle.warning && <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.stay} onLogout={() => signOut("user")} />}
    </>
  );
}
