import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToSet,
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import {
  mailsOfKind,
  rawHeader,
  startSmtpInbox,
  type ReceivedMail,
  type SmtpInbox,
} from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, sendMessage, type ClientSocket } from '../realtime/discussionClient.ts';

describe('mention emails, over real SMTP', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let sam: SignedIn;
  let jane: SignedIn;
  let omar: SignedIn;
  let communityId: string;
  let samSocket: ClientSocket;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
    });
    sam = await registerUser(server.origin, { displayName: 'Sam Source' });
    communityId = (await createCommunity(server.origin, sam, { name: 'Kinship care practice' })).id;
    jane = await joinCommunityAs(
      server.origin,
      sam,
      communityId,
      'member',
      await registerUser(server.origin, { displayName: 'Jane Smith' }),
    );
    omar = await joinCommunityAs(
      server.origin,
      sam,
      communityId,
      'member',
      await registerUser(server.origin, { displayName: 'Omar Okafor' }),
    );
    samSocket = await connectSocket(server.origin, sam.cookie);
  });
  afterAll(async () => {
    samSocket?.close();
    await server?.stop();
    await inbox?.stop();
  });

  /** Waits until `count` mention emails reached an address, and returns them. */
  async function mentionsTo(who: SignedIn, count: number): Promise<ReceivedMail[]> {
    await expect
      .poll(() => mailsOfKind(inbox, who.user.email, 'mention').length, { timeout: 10_000 })
      .toBe(count);
    return mailsOfKind(inbox, who.user.email, 'mention');
  }

  it('emails the person mentioned in an open room: who, where, a short excerpt, a link and an unsubscribe link', async () => {
    const room = await createRoom(server.origin, sam, communityId, {
      kind: 'open-day',
      title: 'Family time open day',
    });
    const long = `Thanks @Jane Smith, could you share the **panel** template? ${'More detail follows. '.repeat(20)}`;
    await sendMessage(samSocket, room.id, long);
    const [mail] = await mentionsTo(jane, 1);
    expect(mail!.subject).toBe('Sam Source mentioned you in Family time open day');
    expect(mail!.text).toContain('“Thanks @Jane Smith, could you share the panel template?');
    expect(mail!.text).not.toContain('More detail follows. '.repeat(6));
    expect(mail!.text).toContain(`${server.origin}/rooms/${room.id}`);
    expect(mail!.text).toMatch(new RegExp(`${server.origin}/unsubscribe/${jane.user.id}\\.mention\\.`));
    expect(mail!.html).toContain('<html lang="en-GB">');
    expect(mail!.html).toContain(`href="${server.origin}/rooms/${room.id}"`);
    expect(rawHeader(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(mail!, 'List-Unsubscribe')).toContain(
      `${server.origin}/api/unsubscribe/${jane.user.id}.mention.`,
    );

    // A busy conversation: more mentions in the same room within ten minutes send no more email.
    await sendMessage(samSocket, room.id, '@Jane Smith one more thing.');
    await sendMessage(samSocket, room.id, '@Omar Okafor and you too.');
    await mentionsTo(omar, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsOfKind(inbox, jane.user.email, 'mention')).toHaveLength(1);
  });

  it('sends nothing to someone who turned mention emails off', async () => {
    const room = await createRoom(server.origin, sam, communityId, { kind: 'open-day' });
    const off = await api(server.origin, 'PATCH', '/api/me/preferences', {
      cookie: jane.cookie,
      body: { mentionEmails: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({
      preferences: { mentionEmails: false, joinRequestEmails: true, digest: 'weekly' },
    });
    const before = mailsOfKind(inbox, jane.user.email, 'mention').length;
    await sendMessage(samSocket, room.id, '@Jane Smith and @Omar Okafor, see the agenda.');
    // Omar's email is the barrier: both were mentioned by one message, and both emails go out in order.
    await mentionsTo(omar, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsOfKind(inbox, jane.user.email, 'mention')).toHaveLength(before);

    await api(server.origin, 'PATCH', '/api/me/preferences', {
      cookie: jane.cookie,
      body: { mentionEmails: true },
    });
    await sendMessage(samSocket, room.id, 'Back on, @Jane Smith?');
    await mentionsTo(jane, before + 1);
  });

  it('from a learning set, sends only the room name and a link: nothing said, nor who said it', async () => {
    const set = await createRoom(server.origin, sam, communityId, {
      kind: 'learning-set',
      title: 'Set three',
    });
    await addToSet(server.origin, sam, set.id, omar.user.id, 'member');
    const secret = 'the Hendry family situation';
    await sendMessage(samSocket, set.id, `@Omar Okafor can we talk about ${secret} next time?`);
    const mails = await mentionsTo(omar, 3);
    const mail = mails[2]!;
    expect(mail.subject).toBe('You were mentioned in Set three');
    expect(mail.text).toContain(`${server.origin}/rooms/${set.id}`);
    for (const leaked of [secret, 'Sam Source', 'Hendry']) {
      expect(mail.text).not.toContain(leaked);
      expect(mail.html).not.toContain(leaked);
    }
  });
});
