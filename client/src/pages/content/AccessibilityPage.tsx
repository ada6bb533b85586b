import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** The accessibility statement: the standard we meet, how we test, what is known not to work, and how to tell us. */
export function AccessibilityPage() {
  return (
    <Page title="Accessibility statement">
      <p className="lead">
        Common Ground is run for organisations in children&apos;s social care. We want as many people as
        possible to be able to use it.
      </p>
      <p>You should be able to:</p>
      <ul>
        <li>use every page, the shared documents and the discussions with a keyboard alone;</li>
        <li>use the service with a screen reader;</li>
        <li>zoom to 400% and use a phone 320 pixels wide without scrolling sideways;</li>
        <li>change colours, contrast and fonts in your browser without losing content.</li>
      </ul>
      <h2>How accessible this service is</h2>
      <p>
        This service aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.
        Every page is checked automatically with axe-core on each change, and its main journeys are tested by
        keyboard in a real browser, on a desktop and on a 390 pixel wide phone screen.
      </p>
      <p>We know some parts are not yet fully accessible:</p>
      <ul>
        <li>
          in the shared document, other people&apos;s cursors are shown with colour and a name label; screen
          readers announce who is in the document in the list below it, not where each person is typing;
        </li>
        <li>
          PDF downloads may not be fully accessible: the web page (.html) download holds the same content.
        </li>
      </ul>
      <h2>Feedback and contact</h2>
      <p>
        If you find a problem not listed here, or need information in a different format, tell the
        organisation that invited you to Common Ground, or the facilitator of your community. We aim to reply
        within 5 working days.
      </p>
      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
        (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with
        how we respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>
      <h2>Preparation of this statement</h2>
      <p>
        This statement was prepared on 30 November 2026. See also the{' '}
        <Link to="/privacy">privacy notice</Link> and the <Link to="/cookies">cookies page</Link>.
      </p>
    </Page>
  );
}
