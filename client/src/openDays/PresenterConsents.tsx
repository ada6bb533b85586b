import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { Presenter } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDaysApi } from '../api/openDays.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';

const ids = { firstName: 'presenter-first-name', consentToPresent: 'presenter-consent-present' };

/**
 * Consent records for young people and families presenting from lived experience: first names only, recording only
 * with consent, either consent withdrawable. They never count in headcounts, attendance or exports.
 */
export function PresenterConsents({ openDayId }: { openDayId: string }) {
  const load = useCallback(() => openDaysApi.presenters(openDayId), [openDayId]);
  const { data, error, reload } = useApiData(load);
  const [firstName, setFirstName] = useState('');
  const [present, setPresent] = useState(false);
  const [recording, setRecording] = useState(false);
  const [news, setNews] = useState<string | null>(null);
  const newsBox = useRef<HTMLDivElement>(null);
  const { errors, fail, failWith, clear } = useFormErrors();

  const say = (text: string) => {
    setNews(text);
    requestAnimationFrame(() => newsBox.current?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!firstName.trim()) problems.firstName = 'Enter their first name';
    else if (/\s/.test(firstName.trim())) problems.firstName = 'Enter their first name only';
    if (!present) problems.consentToPresent = 'Record their consent to present before adding them';
    if (Object.keys(problems).length) return fail(problems);
    try {
      const presenter = await openDaysApi.addPresenter(openDayId, {
        firstName: firstName.trim(),
        consentToPresent: true,
        consentToRecording: recording,
      });
      clear();
      setFirstName('');
      setPresent(false);
      setRecording(false);
      reload();
      say(`${presenter.firstName}’s consent is recorded.`);
    } catch (failure) {
      failWith(failure);
    }
  };
  const withdraw = async (presenter: Presenter, consent: 'recording' | 'all') => {
    try {
      await openDaysApi.withdrawConsent(openDayId, presenter.id, consent);
      say(
        consent === 'all'
          ? `${presenter.firstName}’s consent is withdrawn.`
          : `${presenter.firstName} will not be recorded.`,
      );
    } catch (failure) {
      say(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    } finally {
      reload();
    }
  };

  return (
    <section aria-labelledby="presenters-heading">
      <h2 id="presenters-heading">Young people and families presenting</h2>
      <p>
        Record each presenter’s consent before the day, by first name only. Record only with their consent.
        They never appear in headcounts, attendance or exports.
      </p>
      <div ref={newsBox} tabIndex={-1} className="focus-target" role="status">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {error ? <p className="error-message">{error.message}</p> : null}
      {data && data.length ? (
        <ul className="card-list">
          {data.map((presenter) => (
            <li key={presenter.id} className="card-row">
              <span>
                <strong>{presenter.firstName}</strong>{' '}
                {presenter.withdrawnAt && !presenter.consentToPresent ? (
                  <span className="tag tag-grey">Consent withdrawn</span>
                ) : (
                  <span className="tag tag-green">
                    {presenter.consentToRecording
                      ? 'Presenting, may be recorded'
                      : 'Presenting, not recorded'}
                  </span>
                )}
              </span>
              {presenter.consentToPresent ? (
                <span className="question-actions">
                  {presenter.consentToRecording ? (
                    <ConfirmButton
                      label={
                        <>
                          Stop recording <span className="visually-hidden">{presenter.firstName}</span>
                        </>
                      }
                      question={`Withdraw ${presenter.firstName}’s consent to recording?`}
                      confirmLabel="Yes, withdraw"
                      onConfirm={() => withdraw(presenter, 'recording')}
                    />
                  ) : null}
                  <ConfirmButton
                    label={
                      <>
                        Withdraw all consent{' '}
                        <span className="visually-hidden">for {presenter.firstName}</span>
                      </>
                    }
                    question={`Withdraw all of ${presenter.firstName}’s consent?`}
                    confirmLabel="Yes, withdraw"
                    onConfirm={() => withdraw(presenter, 'all')}
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : data ? (
        <p>No presenters recorded.</p>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="presenter-form-heading">
        <h3 id="presenter-form-heading">Record a presenter’s consent</h3>
        <ErrorSummary errors={errors} fieldIds={ids} />
        <TextField
          id={ids.firstName}
          label="First name"
          hint="First name only. Never a surname, age or anything else that identifies them."
          value={firstName}
          onChange={setFirstName}
          error={errors.fields.firstName}
        />
        <div className={errors.fields.consentToPresent ? 'form-group form-group-error' : 'form-group'}>
          {errors.fields.consentToPresent ? (
            <p className="error-message" id="presenter-consent-error">
              <span className="visually-hidden">Error:</span> {errors.fields.consentToPresent}
            </p>
          ) : null}
          <div className="checkbox">
            <input
              id={ids.consentToPresent}
              type="checkbox"
              checked={present}
              aria-describedby={errors.fields.consentToPresent ? 'presenter-consent-error' : undefined}
              onChange={(event) => setPresent(event.target.checked)}
            />
            <label htmlFor={ids.consentToPresent}>
              They (and where needed, their carer) consent to presenting
            </label>
          </div>
          <div className="checkbox">
            <input
              id="presenter-consent-recording"
              type="checkbox"
              checked={recording}
              onChange={(event) => setRecording(event.target.checked)}
            />
            <label htmlFor="presenter-consent-recording">They consent to being recorded</label>
          </div>
        </div>
        <button type="submit" className="button">
          Record consent
        </button>
      </form>
    </section>
  );
}
