import type { HostRegistration } from '@common-ground/shared';

const STATUS_LABELS: Record<HostRegistration['status'], string> = {
  confirmed: 'Has a place',
  waiting: 'Waiting list',
  cancelled: 'Gave up their place',
};

/** Who registered, with their organisation (marked when typed rather than picked), role, place and attendance. */
export function RegistrationTable({ registrations }: { registrations: HostRegistration[] }) {
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">Who registered</h2>
      <p className="hint">Deleted with the registrations, 14 days after the day.</p>
      {registrations.length === 0 ? (
        <p>Nobody has registered yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Registrations, scrolls sideways">
          <table>
            <caption className="visually-hidden">Registrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">Place</th>
                <th scope="col">Came</th>
                <th scope="col">Adjustments</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((registration) => (
                <tr key={registration.id}>
                  <td>{registration.displayName}</td>
                  <td>
                    {registration.organisation.name}
                    {registration.organisation.verified ? null : (
                      <>
                        {' '}
                        <span className="tag tag-grey">Unverified</span>
                      </>
                    )}
                  </td>
                  <td>{registration.role}</td>
                  <td>{STATUS_LABELS[registration.status]}</td>
                  <td>{registration.attended ? 'Yes' : 'No'}</td>
                  <td>{registration.adjustments || 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
