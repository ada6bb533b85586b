import type { HostHeadcount } from '@common-ground/shared';

/** The host's live headcount: visitors present now and from which organisations (presenters never count). */
export function Headcount({ headcount }: { headcount: HostHeadcount | null }) {
  return (
    <section aria-labelledby="headcount-heading">
      <h2 id="headcount-heading">Who is here</h2>
      {!headcount ? (
        <p role="status">Counting…</p>
      ) : (
        <>
          <p data-testid="headcount-present">
            <strong>{headcount.present}</strong> {headcount.present === 1 ? 'visitor is' : 'visitors are'}{' '}
            present now.
          </p>
          {headcount.organisations.length ? (
            <table>
              <caption className="visually-hidden">Visitors present, by organisation</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Present</th>
                </tr>
              </thead>
              <tbody>
                {headcount.organisations.map((organisation) => (
                  <tr key={organisation.name}>
                    <td>
                      {organisation.name}
                      {organisation.verified ? null : (
                        <>
                          {' '}
                          <span className="tag tag-grey">Unverified</span>
                        </>
                      )}
                    </td>
                    <td>{organisation.present}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}
