import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import {
  ORGANISATION_KIND_LABELS,
  type Organisation,
  type OrganisationManageAbilities,
} from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { fetchOrganisation, setOrganisationDomains, setOrganisationVerified } from '../api/identity.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/**
 * One organisation: whether it is verified (and, for those who may, a button to verify it) and its email domains
 * (which its admins set once it is verified).
 */
export function OrganisationProfilePage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <OrganisationProfile id={id} />}</RequireUser>;
}

function OrganisationProfile({ id }: { id: string }) {
  const load = useCallback(() => fetchOrganisation(id), [id]);
  const { data, error, reload } = useApiData(load);
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  if (error) return <LoadProblem error={error} what="This organisation" />;
  if (!data) return <p role="status">Loading…</p>;
  const { organisation, abilities } = data;

  const act = async (work: () => Promise<Organisation>, done: (organisation: Organisation) => string) => {
    try {
      setProblem(null);
      setNews(done(await work()));
      reload();
      status.current?.focus();
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
  };

  return (
    <Page title={organisation.name}>
      <p>
        {ORGANISATION_KIND_LABELS[organisation.kind]}
        {organisation.region ? `, ${organisation.region}` : ''}
      </p>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <h2>Verification</h2>
      {organisation.verified ? (
        <p>
          <span className="tag tag-green">Verified</span> A community facilitator or platform administrator
          has checked that this organisation is who it says.
        </p>
      ) : (
        <p>
          <span className="tag tag-grey">Unverified</span> Anyone can add an organisation. Until someone who
          knows its people checks it, its name is shown as unverified.
        </p>
      )}
      {abilities?.verify ? (
        <button
          type="button"
          className={organisation.verified ? 'button button-secondary' : 'button'}
          onClick={() =>
            void act(
              () => setOrganisationVerified(organisation.id, !organisation.verified),
              (now) => (now.verified ? `${now.name} is now verified.` : `${now.name} is no longer verified.`),
            )
          }
        >
          {organisation.verified ? 'Mark as not verified' : 'Verify this organisation'}
        </button>
      ) : null}
      <h2>Email domains</h2>
      {organisation.emailDomains.length ? (
        <ul>
          {organisation.emailDomains.map((domain) => (
            <li key={domain}>{domain}</li>
          ))}
        </ul>
      ) : (
        <p>None listed.</p>
      )}
      {abilities?.editDomains ? (
        <DomainsForm
          key={organisation.emailDomains.join(',')}
          initial={organisation.emailDomains}
          onSave={(domains) =>
            act(
              () => setOrganisationDomains(organisation.id, domains),
              () => 'The email domains are saved.',
            )
          }
        />
      ) : null}
      <DomainsNote abilities={abilities} verified={organisation.verified} />
    </Page>
  );
}

function DomainsForm({ initial, onSave }: { initial: string[]; onSave(domains: string[]): Promise<void> }) {
  const [text, setText] = useState(initial.join(', '));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(
      text
        .split(/[\s,]+/)
        .map((domain) => domain.trim())
        .filter(Boolean),
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="organisation-domains"
        label="Your organisation’s email domains"
        hint="Separate them with commas, for example leeds.gov.uk. People who verify an address at one of them ask to join, and you confirm them. Free webmail such as gmail.com cannot be listed."
        value={text}
        onChange={setText}
        spellCheck={false}
      />
      <button type="submit" className="button">
        Save email domains
      </button>
    </form>
  );
}

function DomainsNote({
  abilities,
  verified,
}: {
  abilities?: OrganisationManageAbilities;
  verified: boolean;
}) {
  if (abilities?.editDomains || verified) return null;
  return <p className="hint">Email domains can be listed once the organisation is verified.</p>;
}
