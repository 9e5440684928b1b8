import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { type DevPersona, fetchPersonas, issueDevToken } from "../auth/devLogin.ts";
import { createUserManager, oidcConfig } from "../auth/oidc.ts";
import { sessionFromToken, useSession } from "../auth/session.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { useI18n } from "../i18n/i18n.tsx";

const SECTOR_ORDER = ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS", "NATIONAL"];

function DevLogin() {
  const { t, label } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [personas, setPersonas] = useState<DevPersona[] | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    fetchPersonas()
      .then(setPersonas)
      .catch(() => setPersonas(null));
  }, []);
  if (personas === undefined) return <p role="status">{t("login.loading")}</p>;
  if (personas === null) return <p role="alert">{t("login.unavailable")}</p>;
  const people = personas.filter((p) => !p.roles.includes("system"));
  const login = async (persona: DevPersona) => {
    try {
      signIn(sessionFromToken(await issueDevToken(persona.id), "dev"));
      navigate("/", { replace: true });
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="dev-login">
      <h2 id="dev-login">{t("login.devTitle")}</h2>
      <p>{t("login.devIntro")}</p>
      {failure && <p role="alert">{t("login.failed")}</p>}
      {SECTOR_ORDER.map((sector) => {
        const group = people.filter((p) => p.sector === sector);
        if (group.length === 0) return null;
        return (
          <section key={sector} className="persona-group" aria-labelledby={`sector-${sector}`}>
            <h3 id={`sector-${sector}`}>{label("Sector", sector)}</h3>
            <ul className="nobullet-list personas">
              {group.map((p) => (
                <li key={p.id}>
                  <button type="button" className="button button-secondary persona" data-persona={p.id} onClick={() => void login(p)}>
                    <span className="persona-name">{t("login.devAs", { name: p.name })}</span>
                    <span className="persona-title">{p.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function OidcLogin() {
  const { t } = useI18n();
  const config = oidcConfig();
  if (!config) return null;
  return (
    <p>
      <button type="button" className="button button-primary" onClick={() => void createUserManager(config).signinRedirect()}>
        {t("login.oidc")}
      </button>
    </p>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const { lastLogout } = useSession();
  return (
    <main id="main" className="container login" tabIndex={-1}>
      <PageTitle>{t("login.title")}</PageTitle>
      <p className="lead">{t("login.intro")}</p>
      {lastLogout === "idle" && (
        <p role="status" className="alert alert-info">
          {t("login.idleLoggedOut")}
        </p>
      )}
      {lastLogout === "user" && (
        <p role="status" className="alert alert-info">
          {t("login.loggedOut")}
        </p>
      )}
      {lastLogout === "expired" && (
        <p role="status" className="alert alert-info">
          {t("error.sessionExpired")}
        </p>
      )}
      {oidcConfig() ? <OidcLogin /> : <DevLogin />}
    </main>
  );
}

/** Where the IdP sends the browser back: exchange the code (with the PKCE verifier) for tokens. */
export function OidcCallbackPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const config = oidcConfig();
    if (!config) return;
    createUserManager(config)
      .signinRedirectCallback()
      .then((user) => {
        signIn(sessionFromToken(user.access_token, "oidc"));
        navigate("/", { replace: true });
      })
      .catch((e: Error) => setFailure(e.message));
  }, [navigate, signIn]);
  return (
    <main id="main" className="container login">
      <PageTitle>{t("login.title")}</PageTitle>
      {failure ? <p role="alert">{t("login.failed")}</p> : <p role="status">{t("login.callback")}</p>}
    </main>
  );
}
