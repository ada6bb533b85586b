import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { openDaysApi } from '../api/openDays.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { ConversationOffers } from '../openDays/ConversationOffers.tsx';
import { OpenDayDashboard } from '../openDays/OpenDayDashboard.tsx';
import { RegistrationTable } from '../openDays/RegistrationTable.tsx';
import '../openDays/openDays.css';

/** The host dashboard of one open day. */
export function OpenDayDashboardPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <DashboardView id={id} />}</RequireUser>;
}

function DashboardView({ id }: { id: string }) {
  const loadOpenDay = useCallback(() => openDaysApi.get(id), [id]);
  const loadDashboard = useCallback(() => openDaysApi.dashboard(id), [id]);
  const loadRegistrations = useCallback(() => openDaysApi.registrations(id), [id]);
  const openDay = useApiData(loadOpenDay);
  const dashboard = useApiData(loadDashboard);
  const registrations = useApiData(loadRegistrations);
  const error = openDay.error ?? dashboard.error;
  if (error) return <LoadProblem error={error} what="Open day" />;
  if (!openDay.data || !dashboard.data) return <p role="status">Loading the dashboard…</p>;
  return (
    <Page title={`Dashboard: ${openDay.data.title}`} caption="Open day you host">
      <p>
        <Link to={`/hosted-open-days/${id}`}>Back to the open day</Link>
      </p>
      <OpenDayDashboard dashboard={dashboard.data} />
      <ConversationOffers
        openDayId={id}
        people={dashboard.data.wouldLikeToTalk}
        onOffered={dashboard.reload}
      />
      {registrations.data ? <RegistrationTable registrations={registrations.data} /> : null}
    </Page>
  );
}
