import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** The privacy notice: what Common Ground keeps about people, for how long, and their rights under UK GDPR. */
export function PrivacyPage() {
  return (
    <Page title="Privacy notice">
      <p className="lead">
        This notice explains what Common Ground keeps about you, why, for how long, and what you can ask us to
        do with it.
      </p>
      <div className="warning-text">
        <strong>
          Common Ground is for sharing practice, never casework. Do not write anything that could identify a
          child or family.
        </strong>
      </div>
      <h2>Who is responsible for your information</h2>
      <p>
        The organisation that runs this Common Ground service is the data controller. Organisations that take
        part (councils, trusts and voluntary organisations) decide who to invite and what to share.
      </p>
      <h2>What we keep, and for how long</h2>
      <div className="table-scroll">
        <table className="stacked-table">
          <caption className="visually-hidden">What is kept and for how long</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Why</th>
              <th scope="col">How long</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-label="What">
                Your account: name, work email address, a hashed password, your organisations
              </td>
              <td data-label="Why">So you can sign in and others know who they are working with</td>
              <td data-label="How long">Until you delete your account</td>
            </tr>
            <tr>
              <td data-label="What">Messages you write in discussions, and notifications about them</td>
              <td data-label="Why">So your community can follow and reply to the conversation</td>
              <td data-label="How long">
                For the life of the room. If you delete your account, your messages show as from a
                &ldquo;Former member&rdquo;, or are removed if you ask
              </td>
            </tr>
            <tr>
              <td data-label="What">Shared documents, their history and your name as a contributor</td>
              <td data-label="Why">So the learning is kept and earlier versions can be restored</td>
              <td data-label="How long">
                For the life of the room; your name is removed from presence and history if you delete your
                account
              </td>
            </tr>
            <tr>
              <td data-label="What">
                Learning set records (ground rules, agreements, meetings, meeting notes and the set&apos;s
                discussion)
              </td>
              <td data-label="Why">So a set can keep its own record of what it agreed and learned</td>
              <td data-label="How long">
                While the set runs; when it ends, its facilitators choose how long (six months unless they
                choose otherwise), then notes and discussion are deleted
              </td>
            </tr>
            <tr>
              <td data-label="What">
                Your own meeting record: bids, the actions you wrote and your reflections on them, attendance
              </td>
              <td data-label="Why">
                So you can reflect at the next meeting and export your CPD record (it holds no one else&apos;s
                name or words)
              </td>
              <td data-label="How long">Until you delete your account, even after the set ends</td>
            </tr>
            <tr>
              <td data-label="What">
                Partnership records: the journey, the adaptation log, reflections and logged contact
              </td>
              <td data-label="Why">So partners can see and learn from how the partnership went</td>
              <td data-label="How long">
                For the life of the partnership; you can withdraw a reflection you wrote at any time
              </td>
            </tr>
            <tr>
              <td data-label="What">
                Your email choices and any single sign-on identity linked to your account
              </td>
              <td data-label="Why">
                To send only the emails you want, and let you sign in through your employer
              </td>
              <td data-label="How long">Until you change them or delete your account</td>
            </tr>
            <tr>
              <td data-label="What">Open-day visitor names</td>
              <td data-label="Why">So the facilitators know who is watching</td>
              <td data-label="How long">Deleted when the visitor pass ends (it expires or is withdrawn)</td>
            </tr>
            <tr>
              <td data-label="What">Open-day registrations</td>
              <td data-label="Why">So the organisers can plan the day and send joining details</td>
              <td data-label="How long">Deleted 14 days after the open day</td>
            </tr>
            <tr>
              <td data-label="What">
                The audit log: sign-ins, changes to who can see what, invitations and passes
              </td>
              <td data-label="Why">To keep the service secure and show facilitators who changed access</td>
              <td data-label="How long">As long as the community exists</td>
            </tr>
            <tr>
              <td data-label="What">Session records (which browser is signed in)</td>
              <td data-label="Why">
                To keep you signed in, and to sign you out everywhere when you change your password
              </td>
              <td data-label="How long">
                Until you sign out, or by default after 8 hours unused and at most 7 days
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        Nothing in Common Ground ranks or compares organisations. We do not sell or share your information,
        and we do not use it for advertising.
      </p>
      <h2>Your rights</h2>
      <p>Under UK GDPR you have the right to:</p>
      <ul>
        <li>
          get a copy of everything we keep about you: download it at any time from{' '}
          <Link to="/account/data">your data</Link> (you need to be signed in);
        </li>
        <li>have wrong information corrected: you can change your name and email in your account;</li>
        <li>
          have your information erased: you can delete your account, which ends your sessions and removes your
          personal details;
        </li>
        <li>object to or restrict how we use your information.</li>
      </ul>
      <h2>Contact and complaints</h2>
      <p>
        To ask about your information, contact the data protection officer of the organisation that invited
        you, or the facilitator of your community, who will pass your request on. If you are not happy with
        the answer, you can complain to the{' '}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner&apos;s Office</a>.
      </p>
      <p>
        See also the <Link to="/cookies">cookies page</Link>.
      </p>
    </Page>
  );
}
