import { useCallback, useRef, useState } from 'react';
import type { VisitorPass } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listVisitorPasses, revokeVisitorPass } from '../api/visits.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { VisitorPassForm } from './VisitorPassForm.tsx';
import { formatDateTime } from './formatDateTime.ts';

function passStatus(pass: VisitorPass): { text: string; className: string } {
  if (pass.revokedAt) return { text: 'Revoked', className: 'tag tag-grey' };
  if (new Date(pass.expiresAt).getTime() <= Date.now()) return { text: 'Expired', className: 'tag tag-grey' };
  return { text: 'Active', className: 'tag tag-green' };
}

/** An open-day room's visitor passes: create one, see each pass's status and visits, revoke one. */
export function VisitorPassSection({ roomId }: { roomId: string }) {
  const load = useCallback(() => listVisitorPasses(roomId), [roomId]);
  const { data, error, reload } = useApiData(load);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The revoked pass's button is gone: the news takes focus instead.
  const notice = useRef<HTMLDivElement>(null);
  const revoke = async (pass: VisitorPass) => {
    setMessage(null);
    setProblem(null);
    try {
      await revokeVisitorPass(roomId, pass.id);
    } catch (failure) {
      // The pass stays active, and focus goes back to its Revoke button.
      setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
      return;
    } finally {
      reload();
    }
    setMessage(`“${pass.label}” was revoked.`);
    notice.current?.focus();
  };

  return (
    <section aria-labelledby="passes-heading" className="passes">
      <h2 id="passes-heading">Visitor passes</h2>
      <p>
        Open-day visitors watch this room read-only, without an account. Give each group its own pass so you
        can revoke it on its own; revoking ends their visit at once.
      </p>
      <VisitorPassForm roomId={roomId} onCreated={reload} />
      <h3>Passes</h3>
      <div role="status" aria-live="polite" tabIndex={-1} ref={notice} className="focus-target">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <p className="error-message">{error.message}</p> : null}
      {!data && !error ? <p role="status">Loading passes…</p> : null}
      {data && data.length === 0 ? <p>No passes yet.</p> : null}
      {data && data.length > 0 ? (
        <table>
          <caption className="visually-hidden">Visitor passes for this room</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">Visits</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((pass) => {
              const status = passStatus(pass);
              return (
                <tr key={pass.id}>
                  <td>{pass.label}</td>
                  <td>
                    <span className={status.className}>{status.text}</span>
                  </td>
                  <td>{formatDateTime(pass.expiresAt)}</td>
                  <td>{pass.visits}</td>
                  <td>
                    {status.text === 'Active' ? (
                      <ConfirmButton
                        label={
                          <>
                            Revoke <span className="visually-hidden">{pass.label}</span>
                          </>
                        }
                        question={`Revoke “${pass.label}”? Anyone visiting with it leaves at once.`}
                        confirmLabel="Yes, revoke"
                        onConfirm={() => revoke(pass)}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
