import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { SessionProvider } from "./auth/session.tsx";
import { I18nProvider } from "./i18n/i18n.tsx";
import "dkfds/dist/css/dkfds.min.css";
import "./styles/app.css";
import "./styles/print.css";
import "./styles/referral.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing");
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
