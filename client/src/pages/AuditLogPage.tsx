import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AuditEventDto } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { getCommunity } from '../api/communities.ts';
import { getAuditLog } from '../api/privacy.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/** What each kind of event means, in words; unknown kinds show their code. */
const EVENT_LABELS: Record<string, string> = {
  'member.role.changed': 'Role changed',
  'member.removed': 'Member removed',
  'invitation.created': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
  'invitation.resent': 'Invitation sent again',
  'visitorPass.created': 'Visitor pass made',
  'visitorPass.revoked': 'Visitor pass ended',
  'visit.started': 'Open-day visit started',
  'set.member.changed': 'Learning set role changed',
  'set.member.removed': 'Removed from a learning set',
  'set.groundRules.written': 'Ground rules written',
  'account.erased': 'Account deleted',
};

/** A community's audit log for its facilitators: newest first, an older page at a time. */
export function AuditLogPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <AuditLog id={id} />}</RequireUser>;
}

function AuditLog({ id }: { id: string }) {
  const loadCommunity = useCallback(() => getCommunity(id), [id]);
  const loadFirst = useCallback(() => getAuditLog(id), [id]);
  const community = useApiData(loadCommunity);
  const first = useApiData(loadFirst);
  const [older, setOlder] = useState<AuditEventDto[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const firstOfPage = useRef<HTMLLIElement>(null);

  if (community.error) return <LoadProblem error={community.error} what="Community" />;
  if (first.error) return <LoadProblem error={first.error} what="Audit log" />;
  if (!community.data || !first.data) return <p role="status">Loading the audit log…</p>;
  const events = [...first.data.events, ...older];
  const cursor = nextBefore === undefined ? first.data.nextBefore : nextBefore;

  const loadOlder = async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await getAuditLog(id, cursor);
      setFocusFrom(events.length);
      setOlder((previous) => [...previous, ...page.events]);
      setNextBefore(page.nextBefore);
      setProblem(null);
      // The newly shown events start where focus lands, so a keyboard user carries on reading from there.
      requestAnimationFrame(() => firstOfPage.current?.focus());
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.message : 'The older events could not be loaded. Try again.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Audit log" caption={community.data.name}>
      <p>
        Who joined, left or changed roles, and who deleted their account, newest first. Addresses and sessions
        are never shown here. <Link to={`/communities/${id}`}>Back to {community.data.name}</Link>
      </p>
      {events.length === 0 ? <p>Nothing has happened yet.</p> : null}
      <ol className="audit-log">
        {events.map((event, index) => (
          <li
            key={event.id}
            className="audit-log__event"
            ref={index === focusFrom ? firstOfPage : null}
            tabIndex={-1}
          >
            <p className="audit-log__what">
              <strong>{EVENT_LABELS[event.type] ?? event.type}</strong>{' '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </p>
            <p className="audit-log__who">{describe(event)}</p>
          </li>
        ))}
      </ol>
      {problem ? <p className="error-message">{problem}</p> : null}
      {cursor ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void loadOlder()}
        >
          Show older events
        </button>
      ) : null}
    </Page>
  );
}

function describe(event: AuditEventDto): string {
  const parts: string[] = [];
  if (event.actor) parts.push(`By ${event.actor.displayName}`);
  if (event.target && event.target.id !== event.actor?.id) parts.push(`about ${event.target.displayName}`);
  if (event.detail)
    for (const [key, value] of Object.entries(event.detail))
      if (value !== null && key !== 'nameErased') parts.push(`${key}: ${String(value)}`);
  return parts.join(', ') || 'No details';
}
