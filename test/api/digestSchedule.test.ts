import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestSchedule } from '../../server/src/digest/DigestSchedule.ts';
import { DIGEST_RETRY_AFTER_MS, sweepDigestClaims } from '../../server/src/digest/claimDigest.ts';
import { SmtpMailer } from '../../server/src/mail/SmtpMailer.ts';
import { parseEnv } from '../../server/src/env.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import {
  addToSet,
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { mailsOfKind, rawHeader, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, sendMessage } from '../realtime/discussionClient.ts';

/** Two instances of the platform on one database, each with its own digest schedule, sending through one inbox. */
describe('the digest schedule across two instances', { timeout: 60_000 }, () => {
  let inbox: SmtpInbox;
  let first: TestServer;
  let second: PlatformServer;
  let sam: SignedIn;
  let dana: SignedIn;
  let wes: SignedIn;
  let otto: SignedIn;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    const settings = {
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
      PUBLIC_ORIGIN: 'https://cop.example.gov.uk',
    };
    first = await startTestServer(settings);
    const parsed = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...settings });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    second = createPlatformServer({ env: parsed.env, logger: pino({ level: 'silent' }) });
    await second.listen(0, '127.0.0.1');

    const { origin } = first;
    sam = await registerUser(origin, { displayName: 'Sam Source' });
    const community = await createCommunity(origin, sam, { name: 'Kinship care practice' });
    dana = await joinCommunityAs(origin, sam, community.id, 'member');
    wes = await joinCommunityAs(origin, sam, community.id, 'member');
    otto = await joinCommunityAs(origin, sam, community.id, 'member');
    for (const [who, digest] of [
      [dana, 'daily'],
      [otto, 'off'],
    ] as const) {
      const chosen = await api(origin, 'PATCH', '/api/me/preferences', {
        cookie: who.cookie,
        body: { digest },
      });
      expect(chosen.status).toBe(200);
    }
    const openDay = await createRoom(origin, sam, community.id, {
      kind: 'open-day',
      title: 'Family time open day',
    });
    const set = await createRoom(origin, sam, community.id, {
      kind: 'learning-set',
      title: 'Set of secrets',
    });
    await addToSet(origin, sam, set.id, dana.user.id, 'member');
    const socket = await connectSocket(origin, sam.cookie);
    await sendMessage(socket, openDay.id, 'Welcome, everyone.');
    await sendMessage(socket, openDay.id, 'The agenda is in the document.');
    await sendMessage(socket, set.id, 'Only for this set.');
    socket.close();
  });
  afterAll(async () => {
    await second?.close();
    await first?.stop();
    await inbox?.stop();
  });

  const schedules = () => [first.server.context.services.digests, second.context.services.digests];
  const digestsTo = (who: SignedIn) => mailsOfKind(inbox, who.user.email, 'digest');
  /** Runs rounds at `at` on both instances at once, twice each, as overlapping timers would. */
  const roundsAt = async (at: string) => {
    const now = new Date(at);
    const results = await Promise.all([...schedules(), ...schedules()].map((schedule) => schedule.tick(now)));
    return results.reduce((sum, round) => sum + round.sent, 0);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('sends each person one digest for their period however many rounds run, and none to those who chose off', async () => {
    // Monday 30 November 2026, 08:00 in London: the day's and the week's digests are both due.
    expect(await roundsAt('2026-11-30T08:00:00Z')).toBe(2);
    await settle();
    expect(digestsTo(dana)).toHaveLength(1);
    expect(digestsTo(wes)).toHaveLength(1);
    expect(digestsTo(otto)).toHaveLength(0);
    // Sam wrote everything, so there is nothing new for Sam: no email.
    expect(digestsTo(sam)).toHaveLength(0);

    const weekly = digestsTo(wes)[0]!;
    expect(weekly.subject).toBe('Your weekly Common Ground digest');
    expect(weekly.text).toContain('Family time open day (Kinship care practice): 2 new messages.');
    expect(weekly.text).toContain(`https://cop.example.gov.uk/unsubscribe/${wes.user.id}.digest.`);
    expect(rawHeader(weekly, 'List-Unsubscribe')).toContain(`/api/unsubscribe/${wes.user.id}.digest.`);
    // A learning set tells only its own people what happened in it.
    expect(weekly.text).not.toContain('Set of secrets');
    const daily = digestsTo(dana)[0]!;
    expect(daily.subject).toBe('Your daily Common Ground digest');
    expect(daily.text).toContain('Set of secrets (Kinship care practice): 1 new message.');
    expect(daily.text).not.toContain('Only for this set');

    // Later the same day: everything for these periods is done.
    expect(await roundsAt('2026-11-30T20:00:00Z')).toBe(0);
  });

  it('sends the daily digest again the next day, and the weekly one the next Monday', async () => {
    expect(await roundsAt('2026-12-01T08:00:00Z')).toBe(1);
    await settle();
    expect(digestsTo(dana)).toHaveLength(2);
    expect(digestsTo(wes)).toHaveLength(1);

    expect(await roundsAt('2026-12-07T07:30:00Z')).toBe(2);
    await settle();
    expect(digestsTo(dana)).toHaveLength(3);
    expect(digestsTo(wes)).toHaveLength(2);
    expect(digestsTo(otto)).toHaveLength(0);
  });

  it('two instances running their timers against one clock still send once', async () => {
    const clock = () => new Date('2026-12-08T09:00:00Z');
    const timers = [first.server, second].map(
      (instance) =>
        new DigestSchedule({
          mailer: instance.context.services.mailer,
          logger: instance.context.logger,
          origin: 'https://cop.example.gov.uk',
          sendHour: 7,
          checkEveryMs: 20,
          clock,
        }),
    );
    for (const timer of timers) timer.start();
    await expect.poll(() => digestsTo(dana).length, { timeout: 10_000 }).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const timer of timers) await timer.stop();
    expect(digestsTo(dana)).toHaveLength(4);
    expect(digestsTo(wes)).toHaveLength(2);
  });

  it('after a failed send, one instance retries once the retry is due', async () => {
    // A real SMTP client pointed at a port where nothing listens: the send fails as a mail server outage would.
    const unreachable = new SmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'no-reply@cop.example.gov.uk' });
    const failing = new DigestSchedule({
      mailer: unreachable,
      logger: pino({ level: 'silent' }),
      origin: 'https://cop.example.gov.uk',
      sendHour: 7,
      checkEveryMs: 0,
    });
    const at = Date.parse('2026-12-09T08:00:00Z');
    expect(await failing.tick(new Date(at))).toEqual({ sent: 0, empty: 0, failed: 1 });
    await unreachable.close();
    // Not yet due again, then due: both instances race for the retry and one sends it.
    expect(await roundsAt(new Date(at + 60_000).toISOString())).toBe(0);
    expect(await roundsAt(new Date(at + DIGEST_RETRY_AFTER_MS).toISOString())).toBe(1);
    await settle();
    expect(digestsTo(dana)).toHaveLength(5);
    expect(await roundsAt(new Date(at + 3 * DIGEST_RETRY_AFTER_MS).toISOString())).toBe(0);
  });

  it('housekeeping removes claims only once their periods are long past', async () => {
    expect(await sweepDigestClaims(Date.parse('2026-12-20T00:00:00Z'))).toBe(0);
    expect(await sweepDigestClaims(Date.parse('2027-02-01T00:00:00Z'))).toBeGreaterThan(0);
  });
});
