import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CreateOpenDayBody, HostedOpenDay, OpenDayPass } from '@common-ground/shared';
import { updatePassWindows } from '../../server/src/commands/openDays/passTokens.ts';
import { OpenDayModel } from '../../server/src/models/OpenDay.ts';
import { createCommunity, registerUser, type SignedIn } from './factories.ts';
import { api } from './http.ts';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './smtpInbox.ts';
import { startTestServer, type TestServer } from './startTestServer.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A server with real SMTP, a host (community facilitator) and their community. */
export interface OpenDayWorld {
  server: TestServer;
  inbox: SmtpInbox;
  host: SignedIn;
  communityId: string;
  stop(): Promise<void>;
}

/** Starts the world; rate limits off unless asked for. */
export async function startOpenDayWorld(overrides: Record<string, string> = {}): Promise<OpenDayWorld> {
  const inbox = await startSmtpInbox();
  const server = await startTestServer({
    SMTP_URL: inbox.url,
    MAIL_FROM: 'no-reply@cop.example.gov.uk',
    DISABLE_RATE_LIMITS: 'true',
    ...overrides,
  });
  const host = await registerUser(server.origin, { displayName: 'Hana Host' });
  const communityId = (await createCommunity(server.origin, host, { name: 'Pause practice' })).id;
  return {
    server,
    inbox,
    host,
    communityId,
    stop: async () => {
      await server.stop();
      await inbox.stop();
    },
  };
}

/** Schedules an open day starting `startsInMinutes` from now (default: in two days), lasting `hours`. */
export async function scheduleOpenDay(
  world: OpenDayWorld,
  overrides: Partial<CreateOpenDayBody> & { startsInMinutes?: number; hours?: number } = {},
): Promise<HostedOpenDay> {
  const { startsInMinutes = 2 * 24 * 60, hours = 5, ...rest } = overrides;
  const startsAt = new Date(Date.now() + startsInMinutes * MINUTE);
  const body: CreateOpenDayBody = {
    title: 'Pause open day',
    description: 'See how Pause works with women who have had children removed.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + hours * 60 * MINUTE).toISOString(),
    capacity: 20,
    venue: 'The Children’s Society, Birmingham',
    accessInformation: 'Step-free entrance; hearing loop in the hall.',
    safeguardingLead: { name: 'Sam Lead', email: 'sam.lead@example.org' },
    ...rest,
  };
  const result = await api<{ openDay: HostedOpenDay }>(
    world.server.origin,
    'POST',
    `/api/communities/${world.communityId}/open-days`,
    { cookie: world.host.cookie, body },
  );
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.openDay;
}

/** Registration details for a new visitor; every call gives a new address. */
export function buildRegistration(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    displayName: `Visitor ${id}`,
    email: `visitor-${id}@council.example.gov.uk`,
    organisationName: 'Anytown Council',
    role: 'Head of Service',
    ...overrides,
  };
}

/** Registers over HTTP and insists on the one reply. */
export async function register(world: OpenDayWorld, slug: string, body: Record<string, unknown>) {
  const result = await api(world.server.origin, 'POST', `/api/open-days/${slug}/registrations`, { body });
  expect(result.status, JSON.stringify(result.body)).toBe(202);
  expect(result.body).toEqual({ status: 'check-your-email' });
  return result;
}

/** The token in an email's pass (or cancel) link. */
export function tokenIn(mail: ReceivedMail, path: '/open-day-pass' | '/open-day-cancel'): string {
  const match = mail.text.match(new RegExp(`${path}#token=([A-Za-z0-9_%-]+)`));
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  return decodeURIComponent(match[1]!);
}

/** Opens a pass from its token: the visitor's session cookie and pass. */
export async function openPass(
  world: OpenDayWorld,
  token: string,
): Promise<{ cookie: string; pass: OpenDayPass }> {
  const result = await api<{ pass: OpenDayPass }>(
    world.server.origin,
    'POST',
    '/api/open-day-passes/session',
    {
      body: { token },
    },
  );
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return { cookie: result.cookie!, pass: result.body.pass };
}

/** Registers a new visitor, reads their confirmation and opens their pass. */
export async function registeredVisitor(
  world: OpenDayWorld,
  slug: string,
  overrides: Record<string, unknown> = {},
) {
  const body = buildRegistration(overrides);
  await register(world, slug, body);
  const mail = await world.inbox.nextTo(body.email);
  const token = tokenIn(mail, '/open-day-pass');
  const { cookie, pass } = await openPass(world, token);
  return { ...body, token, cookie, pass, mail };
}

/**
 * Moves an open day in time, as the clock would: `phase` 'live' puts now an hour into it, 'after' a day past its
 * end, 'ended' past the 14 days. The passes follow, as they do after an edit.
 */
export async function moveOpenDayTo(openDayId: string, phase: 'before' | 'live' | 'after' | 'ended') {
  const now = Date.now();
  const startsAt = {
    before: now + 2 * DAY,
    live: now - 60 * MINUTE,
    after: now - DAY - 5 * 60 * MINUTE,
    ended: now - 16 * DAY,
  }[phase];
  await OpenDayModel.updateOne(
    { _id: openDayId },
    { $set: { startsAt: new Date(startsAt), endsAt: new Date(startsAt + 5 * 60 * MINUTE) } },
  );
  await updatePassWindows((await OpenDayModel.findById(openDayId))!);
}
