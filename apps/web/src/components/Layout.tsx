import { useEffect, useRef } from "react";
import { NavLink, Outlet } from "react-router";
import { useIdleTimeout } from "../auth/idle.ts";
import { useSession, useUser } from "../auth/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { LANGUAGES } from "../i18n/messages.ts";

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
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="idle-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="idle-title">{t("idle.title")}</h2>
      <p id="idle-body">{tp("idle.body", secondsLeft)}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onStay}>
          {t("idle.stay")}
        </button>
        <button type="button" onClick={onLogout}>
          {t("idle.logout")}
        </button>
      </div>
    </dialog>
  );
}

/** The signed-in frame: skip link, header with menu, language and logout, the idle timeout. */
export function Layout() {
  const { t, language, setLanguage, label } = useI18n();
  const { signOut } = useSession();
  const user = useUser();
  const idle = useIdleTimeout({ onTimeout: () => signOut("idle") });
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </div>
        <nav aria-label={t("nav.main")}>
          <ul>
            {!isAnalyst(user) && !isDpo(user) && (
              <li>
                <NavLink to="/cases">{t("nav.myCases")}</NavLink>
              </li>
            )}
            {!isAnalyst(user) && !isDpo(user) && (
              <li>
                <NavLink to="/alerts">{t("nav.alerts")}</NavLink>
              </li>
            )}
            {refers(user) && (
              <li>
                <NavLink to="/referrals" end>
                  {t("referral.nav.municipality")}
                </NavLink>
              </li>
            )}
            {receivesReferrals(user) && (
              <li>
                <NavLink to="/referrals/incoming">{t("referral.nav.incoming")}</NavLink>
              </li>
            )}
            {isDpo(user) && (
              <li>
                <NavLink to="/data-protection">{t("nav.dpo")}</NavLink>
              </li>
            )}
            {isLeader(user.roles) && (
              <li>
                <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
              </li>
            )}
            {(isLeader(user.roles) || user.roles.includes("analyst")) && (
              <li>
                <NavLink to="/statistics">{t("nav.statistics")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="user">
          <span>
            {t("nav.signedInAs", { name: user.name })}
            <span className="muted"> · {user.roles.map((r) => label("Role", r)).join(", ")}</span>
          </span>
          <label className="language">
            <span>{t("nav.language")}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {l === "da" ? t("nav.languageDanish") : t("nav.languageEnglish")}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => signOut("user")}>
            {t("nav.logout")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {idle.warning && <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.stay} onLogout={() => signOut("user")} />}
    </>
  );
}
