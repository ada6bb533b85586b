import { Page } from '../components/Page.tsx';
import type { EndedVisit } from '../hooks/useSession.ts';

/** What a visitor sees once their pass is revoked or expires: the room's content is gone, and why. */
export function VisitEndedPage({ visit }: { visit: EndedVisit }) {
  return (
    <Page title="This visit has ended" caption={visit.title}>
      <p className="lead" data-testid="visit-ended">
        Your visitor pass for this open day has ended, so the room is no longer shown.
      </p>
      <p>
        Passes stop working when they expire or when the organisers withdraw them. If you need to watch again,
        ask the organisers for a new link.
      </p>
      <p>Nothing from the room was kept on this device.</p>
    </Page>
  );
}
