import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/apiClient.ts';
import { useSession } from '../hooks/useSession.ts';
import { Page } from './Page.tsx';

/**
 * A page an emailed link opens, which acts only when its one button is pressed (so mail scanners that open links
 * change nothing): verifying an address, confirming a change of address. `act` spends the link's token and answers
 * the address it concerned; the session is refreshed after it.
 */
export function EmailLinkPage(props: {
  title: string;
  intro: string;
  buttonLabel: string;
  act: (token: string) => Promise<string>;
  doneTitle: string;
  done: (address: string) => ReactNode;
  retryLabel: string;
}) {
  const { token = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [address, setAddress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { refresh } = useSession();

  const act = async () => {
    setBusy(true);
    try {
      setAddress(await props.act(token));
      await refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (address) return <Page title={props.doneTitle}>{props.done(address)}</Page>;
  if (problem)
    return (
      <Page title="This link cannot be used">
        <p>{problem}</p>
        <p>
          <Link to="/account">{props.retryLabel}</Link>
        </p>
      </Page>
    );
  return (
    <Page title={props.title}>
      <p>{props.intro}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void act()}>
        {props.buttonLabel}
      </button>
    </Page>
  );
}
