import { useMemo } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { Provider as UrqlProvider } from "urql";
import { useSession, useUser } from "./auth/session.tsx";
import { Layout, landingPath } from "./components/Layout.tsx";
import { createGraphQLClient } from "./graphql/client.ts";
import { CasePage } from "./pages/case/CasePage.tsx";
import { DashboardPage } from "./pages/DashboardPage.tsx";
import { DpoPage } from "./pages/DpoPage.tsx";
import { FinalNotePage } from "./pages/finalNote/FinalNotePage.tsx";
import { LoginPage, OidcCallbackPage } from "./pages/LoginPage.tsx";
import { MyCasesPage } from "./pages/MyCasesPage.tsx";
import { MeetingPage } from "./pages/meeting/MeetingPage.tsx";
import { PlanMeetingPage } from "./pages/meeting/PlanMeetingPage.tsx";
import { CustodyHoldersPage } from "./pages/referral/CustodyHoldersPage.tsx";
import { IncomingReferralsPage } from "./pages/referral/IncomingReferralsPage.tsx";
import { InviteParticipantPage } from "./pages/referral/InviteParticipantPage.tsx";
import { NewReferralPage } from "./pages/referral/NewReferralPage.tsx";
import { ReferralsPage } from "./pages/referral/ReferralsPage.tsx";
import { StatisticsPage } from "./pages/StatisticsPage.tsx";
import { AlertsPage } from "./pages/steps/AlertsPage.tsx";
import { FollowUpPage } from "./pages/steps/FollowUpPage.tsx";
import { SurveyPage } from "./pages/survey/SurveyPage.tsx";

function SignedIn() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const token = session?.token ?? null;
  // A new client per session: nothing cached for one user is ever shown to the next.
  const client = useMemo(() => createGraphQLClient({ token: () => token, onUnauthenticated: () => signOut("expired") }), [token, signOut]);
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <UrqlProvider value={client}>
      <Layout />
    </UrqlProvider>
  );
}

/** Each role lands where it works: the analyst on the statistics, the DPO on data protection, leaders on their dashboard. */
function Landing() {
  const user = useUser();
  return <Navigate to={landingPath(user)} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/auth/callback" element={<OidcCallbackPage />} />
        {/* Answered without logging in, through a single-use link (docs/surveys.md). */}
        <Route path="/survey" element={<SurveyPage />} />
        <Route element={<SignedIn />}>
          <Route index element={<Landing />} />
          <Route path="/cases" element={<MyCasesPage />} />
          <Route path="/data-protection" element={<DpoPage />} />
          <Route path="/cases/:caseId" element={<CasePage />} />
          <Route path="/cases/:caseId/meetings/new" element={<PlanMeetingPage />} />
          <Route path="/cases/:caseId/meetings/:meetingId" element={<MeetingPage />} />
          <Route path="/cases/:caseId/final-note" element={<FinalNotePage />} />
          <Route path="/cases/:caseId/follow-up" element={<FollowUpPage />} />
          <Route path="/alerts" element={<AlertsPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/statistics" element={<StatisticsPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/referrals/new" element={<NewReferralPage />} />
          <Route path="/referrals/incoming" element={<IncomingReferralsPage />} />
          <Route path="/children/:childId/custody" element={<CustodyHoldersPage />} />
          <Route path="/cases/:caseId/participants/invite" element={<InviteParticipantPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
