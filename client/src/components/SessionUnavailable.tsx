import { useSession } from '../hooks/useSession.ts';
import { Page } from './Page.tsx';

/** Shown when the server could not say who is signed in: explains, and offers to try again. */
export function SessionUnavailable({ message }: { message: string }) {
  const { refresh } = useSession();
  return (
    <Page title="Sorry, we cannot reach Common Ground right now">
      <p>{message}</p>
      <p>Nothing you saved is lost. Check your connection, then try again.</p>
      <button type="button" className="button" onClick={() => void refresh()}>
        Try again
      </button>
    </Page>
  );
}
