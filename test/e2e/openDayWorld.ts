import { mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HostedOpenDay } from '@common-ground/shared';
import { launchBrowser } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { snapshotBuiltClient } from './accessPages.ts';

/** Everything an open-day browser test needs: a server with real SMTP, a host in a community, and Chromium. */
export interface OpenDayWorld {
  server: TestServer;
  inbox: SmtpInbox;
  browser: Browser;
  host: SignedIn;
  communityId: string;
  communityName: string;
  hostOrganisationId: string;
  innovationId: string;
  /** A learning set's document the host can give as pre-read. */
  preReadDocumentId: string;
  /** An organisation visitors can pick from the verified list. */
  visitorOrganisationName: string;
  stop(): Promise<void>;
}

/** Starts the world: server + SMTP inbox + Chromium, a host (facilitator) with an organisation and an innovation. */
export async function startOpenDayWorld(): Promise<OpenDayWorld> {
  const tag = randomUUID().slice(0, 6);
  const clientCopy = snapshotBuiltClient();
  const inbox = await startSmtpInbox();
  const server = await startTestServer({
    SMTP_URL: inbox.url,
    MAIL_FROM: 'no-reply@cop.example.gov.uk',
    DISABLE_RATE_LIMITS: 'true',
    CLIENT_DIST: clientCopy,
  });
  const browser = await launchBrowser();
  const host = await registerUser(server.origin, { displayName: 'Hana Host' });
  const communityName = `Emotional wellbeing ${tag}`;
  const community = await createCommunity(server.origin, host, { name: communityName });
  const hostOrganisation = await createOrganisation(server.origin, host, {
    name: `Birmingham Pause ${tag}`,
    kind: 'voluntary',
  });
  const visitorOrganisationName = `Kent County Council ${tag}`;
  const someoneElse = await registerUser(server.origin);
  await createOrganisation(server.origin, someoneElse, { name: visitorOrganisationName });
  const innovation = await api<{ innovation: { id: string } }>(
    server.origin,
    'POST',
    `/api/communities/${community.id}/innovations`,
    {
      cookie: host.cookie,
      body: {
        sourceOrganisationId: hostOrganisation.id,
        name: `Pause drop-in ${tag}`,
        summary: 'A drop-in emotional wellbeing service for young people up to 25.',
      },
    },
  );
  expect(innovation.status, JSON.stringify(innovation.body)).toBe(201);
  const set = await createRoom(server.origin, host, community.id, {
    title: 'How the drop-in started',
    kind: 'learning-set',
  });
  return {
    server,
    inbox,
    browser,
    host,
    communityId: community.id,
    communityName,
    hostOrganisationId: hostOrganisation.id,
    innovationId: innovation.body.innovation.id,
    preReadDocumentId: set.documentId,
    visitorOrganisationName,
    stop: async () => {
      await browser.close();
      await server.stop();
      await inbox.stop();
      rmSync(clientCopy, { recursive: true, force: true });
    },
  };
}

/** Schedules an open day over HTTP, starting `startsInMinutes` from now and lasting two hours. */
export async function scheduleOpenDay(
  world: OpenDayWorld,
  overrides: Record<string, unknown> = {},
  startsInMinutes = 24 * 60,
): Promise<HostedOpenDay> {
  const startsAt = new Date(Date.now() + startsInMinutes * 60_000);
  const result = await api<{ openDay: HostedOpenDay }>(
    world.server.origin,
    'POST',
    `/api/communities/${world.communityId}/open-days`,
    {
      cookie: world.host.cookie,
      body: {
        title: `Pause open morning ${randomUUID().slice(0, 4)}`,
        description: 'See how the drop-in works and ask the team anything.',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        capacity: 20,
        venue: 'The Pause hub, Birmingham',
        innovationId: world.innovationId,
        safeguardingLead: { name: 'Sally Safe', email: 'sally@pause.example.org' },
        ...overrides,
      },
    },
  );
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.openDay;
}

/** Moves an open day so that it is live now (as time passing would), over HTTP as its host. */
export async function makeLive(world: OpenDayWorld, openDayId: string): Promise<void> {
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const result = await api(world.server.origin, 'PATCH', `/api/hosted-open-days/${openDayId}`, {
    cookie: world.host.cookie,
    body: {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

/** Moves an open day into its after phase (it ended an hour ago), over HTTP as its host. */
export async function makeAfter(world: OpenDayWorld, openDayId: string): Promise<void> {
  const endsAt = new Date(Date.now() - 60 * 60_000);
  const result = await api(world.server.origin, 'PATCH', `/api/hosted-open-days/${openDayId}`, {
    cookie: world.host.cookie,
    body: {
      startsAt: new Date(endsAt.getTime() - 2 * 3600_000).toISOString(),
      endsAt: endsAt.toISOString(),
    },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

/** Registers someone over HTTP and returns the pass link from their email. */
export async function registerByEmail(
  world: OpenDayWorld,
  slug: string,
  displayName: string,
): Promise<{ email: string; passLink: string; cancelLink: string }> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@kent.example.gov.uk`;
  const result = await api(world.server.origin, 'POST', `/api/open-days/${slug}/registrations`, {
    body: { displayName, email, organisationName: 'Medway Council', role: 'Team manager' },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(202);
  const mail = await world.inbox.nextTo(email);
  return {
    email,
    passLink: linkIn(mail, world.server.origin, '/open-day-pass'),
    cancelLink: linkIn(mail, world.server.origin, '/open-day-cancel'),
  };
}

/** Opens a pass over HTTP (the session the emailed link starts) and returns its session cookie. */
export async function passCookie(world: OpenDayWorld, passLink: string): Promise<string> {
  const token = decodeURIComponent(new URL(passLink).hash.replace(/^#token=/, ''));
  const result = await api(world.server.origin, 'POST', '/api/open-day-passes/session', { body: { token } });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  if (!result.cookie) throw new Error('the pass started no session');
  return result.cookie;
}

/** Checks the page does not scroll sideways at its current width. */
export async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const { scroll, width, widest } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The innermost elements that stick out, named in the failure so it says what to fix.
    widest: Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (element) =>
          !Array.from(element.children).some(
            (child) => child.getBoundingClientRect().right > window.innerWidth + 1,
          ),
      )
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`,
      ),
  }));
  expect(
    scroll,
    `${name} fits ${width} px without scrolling sideways (${widest.join('; ')})`,
  ).toBeLessThanOrEqual(width);
}

/**
 * Saves a full-page screenshot of the page at 1280 wide and at 390x844 when OPEN_DAY_SCREENSHOTS names a folder, and
 * checks the phone width does not scroll sideways either way.
 */
export async function shootBothWidths(page: Page, name: string): Promise<void> {
  const folder = process.env.OPEN_DAY_SCREENSHOTS;
  const before = page.viewportSize();
  if (folder) mkdirSync(folder, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  if (folder) await page.screenshot({ path: `${folder}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, name);
  if (folder) await page.screenshot({ path: `${folder}/${name}-phone.png`, fullPage: true });
  if (before) await page.setViewportSize(before);
}
