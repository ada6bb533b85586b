import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
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
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
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
        <Route path="account" element={<AccountPage />} />
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
        <Route path="visit/:token" element={<VisitPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="cookies" element={<CookiesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
