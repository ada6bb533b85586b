import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { CommunitiesPage } from './pages/CommunitiesPage.tsx';
import { CommunityPage } from './pages/CommunityPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InvitationPage } from './pages/InvitationPage.tsx';
import { SetPeoplePage } from './pages/SetPeoplePage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { RoomPage } from './pages/RoomPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { StatusPage } from './pages/StatusPage.tsx';
import { VisitPage } from './pages/VisitPage.tsx';

/** Every route in the app. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="communities" element={<CommunitiesPage />} />
        <Route path="communities/:id" element={<CommunityPage />} />
        <Route path="communities/:id/members" element={<MembersPage />} />
        <Route path="communities/:communityId/sets/:id/people" element={<SetPeoplePage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="rooms/:id" element={<RoomPage />} />
        <Route path="visit/:token" element={<VisitPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
