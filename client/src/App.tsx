import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { UnsubscribePage } from './pages/UnsubscribePage.tsx';
import { CommunitiesPage } from './pages/CommunitiesPage.tsx';
import { CommunityPage } from './pages/CommunityPage.tsx';
import { ConfirmEmailPage } from './pages/ConfirmEmailPage.tsx';
import { ForgottenPasswordPage } from './pages/ForgottenPasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InnovationEditPage, NewInnovationPage } from './pages/InnovationEditPage.tsx';
import { InnovationPage } from './pages/InnovationPage.tsx';
import { InvitationPage } from './pages/InvitationPage.tsx';
import { SetPeoplePage } from './pages/SetPeoplePage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { MeetingPage } from './meetings/MeetingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OpenDayCancelPage } from './pages/OpenDayCancelPage.tsx';
import { OpenDayDashboardPage } from './pages/OpenDayDashboardPage.tsx';
import { OpenDayEditPage } from './pages/OpenDayEditPage.tsx';
import { OpenDayHostPage } from './pages/OpenDayHostPage.tsx';
import { OpenDayPassPage } from './pages/OpenDayPassPage.tsx';
import { OpenDayPublicPage } from './pages/OpenDayPublicPage.tsx';
import { OpenDaySchedulePage } from './pages/OpenDaySchedulePage.tsx';
import { YourDataPage } from './pages/YourDataPage.tsx';
import { AuditLogPage } from './pages/AuditLogPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { OrganisationProfilePage } from './pages/OrganisationProfilePage.tsx';
import { VerifyEmailPage } from './pages/VerifyEmailPage.tsx';
import { OutboxPage } from './pages/OutboxPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { RoomPage } from './pages/RoomPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { StatusPage } from './pages/StatusPage.tsx';
import { VisitPage } from './pages/VisitPage.tsx';
import { AccessibilityPage } from './pages/content/AccessibilityPage.tsx';
import { CookiesPage } from './pages/content/CookiesPage.tsx';
import { PrivacyPage } from './pages/content/PrivacyPage.tsx';

/** Every route in the app. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgotten-password" element={<ForgottenPasswordPage />} />
        <Route path="reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="confirm-email/:token" element={<ConfirmEmailPage />} />
        <Route path="verify-email/:token" element={<VerifyEmailPage />} />
        <Route path="organisations/:id" element={<OrganisationProfilePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="dev/outbox" element={<OutboxPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="communities" element={<CommunitiesPage />} />
        <Route path="communities/:id" element={<CommunityPage />} />
        <Route path="communities/:id/members" element={<MembersPage />} />
        <Route path="communities/:id/innovations/new" element={<NewInnovationPage />} />
        <Route path="innovations/:id" element={<InnovationPage />} />
        <Route path="innovations/:id/edit" element={<InnovationEditPage />} />
        <Route path="communities/:communityId/sets/:id/people" element={<SetPeoplePage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="rooms/:id" element={<RoomPage />} />
        <Route path="meetings/:id" element={<MeetingPage />} />
        <Route path="visit/:token" element={<VisitPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="communities/:id/open-days/new" element={<OpenDaySchedulePage />} />
        <Route path="hosted-open-days/:id" element={<OpenDayHostPage />} />
        <Route path="hosted-open-days/:id/edit" element={<OpenDayEditPage />} />
        <Route path="hosted-open-days/:id/dashboard" element={<OpenDayDashboardPage />} />
        <Route path="open-days/:slug" element={<OpenDayPublicPage />} />
        <Route path="open-day-pass" element={<OpenDayPassPage />} />
        <Route path="open-day-cancel" element={<OpenDayCancelPage />} />
        <Route path="account/data" element={<YourDataPage />} />
        <Route path="communities/:id/audit" element={<AuditLogPage />} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="cookies" element={<CookiesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
