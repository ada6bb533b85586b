import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CAPABILITIES,
  can,
  COLLAB_PATH,
  ROLES,
  SOCKET_EVENTS,
  type Capability,
  type Message,
  type Role,
} from '@common-ground/shared';
import { AppError } from '../../server/src/errors.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { DocumentVersionModel } from '../../server/src/models/DocumentVersion.ts';
import { InvitationModel } from '../../server/src/models/Invitation.ts';
import { MembershipModel } from '../../server/src/models/Membership.ts';
import { RoomModel } from '../../server/src/models/Room.ts';
import { VisitorPassModel } from '../../server/src/models/VisitorPass.ts';
import { joinCommunityAs, roomWithEveryRole } from '../support/factories.ts';
import { INNOVATION_OBJECT_CASES, probeInnovationEdit } from './innovationCases.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  appendParagraph,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
  upgradeStatus,
  type RawSocket,
} from '../collaboration/collabClient.ts';
import { connectSocket, request, sendMessage, type ClientSocket } from '../realtime/discussionClient.ts';
import { COMMUNITY_OBJECT_CASES } from './communityObjectCases.ts';
import { LEARNING_SET_PROBES } from './learningSetProbes.ts';
import { MEETING_PROBES } from './meetingProbes.ts';
import { itEnforcesEveryObjectRule } from './objectCase.ts';
import { ORGANISATION_OBJECT_CASES } from './organisationObjectCases.ts';
import { probeOrganisationVerify } from './organisationVerifyProbe.ts';
import { PARTNERSHIP_PROBES } from './partnershipProbes.ts';

type World = Awaited<ReturnType<typeof roomWithEveryRole>> & { origin: string; server: TestServer };

/** What one probe saw: the HTTP status, and for state-changing probes whether the change reached the database. */
interface ProbeResult {
  status: number;
  effect?: boolean;
}

/** A request that exercises exactly one capability, made with a given session cookie (or none). */
type Probe = (world: World, cookie: string | null) => Promise<ProbeResult>;

/** A capability whose enforcing route does not exist yet; it shows as `todo` and in the coverage test's name. */
interface Pending {
  pending: string;
}

const NEW_ROLE = 'member' as const;

const fresh = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

/** Emits one Socket.IO event as the caller and turns the ack into the HTTP status the same error would have. */
async function overSocket(
  world: World,
  cookie: string | null,
  event: string,
  payload: object,
): Promise<number> {
  let socket: ClientSocket;
  try {
    socket = await connectSocket(world.origin, cookie);
  } catch {
    return 401;
  }
  try {
    const answer = await request(socket, event, payload);
    return answer.ok ? 200 : new AppError(answer.error.code, answer.error.message).status;
  } finally {
    socket.close();
  }
}

async function postAs(world: World, cookie: string, body: string): Promise<Message> {
  const socket = await connectSocket(world.origin, cookie);
  try {
    return await sendMessage(socket, world.room.id, body);
  } finally {
    socket.close();
  }
}

/** Sends sync step 1 and waits for the reply, proving every earlier frame on this socket was handled. */
async function barrier(raw: RawSocket): Promise<void> {
  const replies = () => raw.received.filter((message) => message[0] === 0 && message[1] === 1).length;
  const before = replies();
  raw.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
  await eventually(() => expect(replies()).toBeGreaterThan(before));
}

const read =
  (path: (world: World) => string): Probe =>
  async (world, cookie) => ({ status: (await api(world.origin, 'GET', path(world), { cookie })).status });

const invite =
  (role: 'member' | 'facilitator'): Probe =>
  async (world, cookie) => {
    const email = `${fresh('invitee')}@example.org`;
    const result = await api(world.origin, 'POST', `/api/communities/${world.community.id}/invitations`, {
      cookie,
      body: { email, role },
    });
    return { status: result.status, effect: (await InvitationModel.exists({ email })) !== null };
  };

/**
 * The one map from capability to probe. Adding a capability to CAPABILITIES without adding its probe here fails
 * the coverage test below, so no capability can exist without a rule the server is seen to enforce.
 */
const PROBES: Record<Capability, Probe | Pending> = {
  'community.view': read((w) => `/api/communities/${w.community.id}`),
  // No route authorises community.manage by name: granting a role that carries it (inviting a facilitator) is the
  // one act that needs it, enforced by mayGrantRole (nobody hands out a capability they do not hold).
  'community.manage': invite('facilitator'),
  'member.list': read((w) => `/api/communities/${w.community.id}/members`),
  'community.audit': read((w) => `/api/communities/${w.community.id}/audit`),
  'member.invite': invite('member'),
  'member.manage': async (world, cookie) => {
    const target = await joinCommunityAs(world.origin, world.facilitator, world.community.id, 'observer');
    const result = await api(
      world.origin,
      'PATCH',
      `/api/communities/${world.community.id}/members/${target.user.id}`,
      { cookie, body: { role: NEW_ROLE } },
    );
    const membership = await MembershipModel.findOne({
      communityId: world.community.id,
      userId: target.user.id,
    }).lean();
    // The probe asked for the member role; seeing it stored means the change went through.
    return { status: result.status, effect: membership?.role === NEW_ROLE };
  },
  'room.create': async (world, cookie) => {
    const title = fresh('Room');
    const result = await api(world.origin, 'POST', `/api/communities/${world.community.id}/rooms`, {
      cookie,
      body: { title, kind: 'learning-set' },
    });
    return { status: result.status, effect: (await RoomModel.exists({ title })) !== null };
  },
  'room.view': read((w) => `/api/rooms/${w.room.id}`),
  'room.moderate': async (world, cookie) => {
    const message = await postAs(world, world.facilitator.cookie, fresh('To hide'));
    const status = await overSocket(world, cookie, SOCKET_EVENTS.messageHide, {
      roomId: world.room.id,
      messageId: message.id,
      hidden: true,
    });
    const stored = await MessageModel.findById(message.id).lean();
    return { status, effect: stored?.hidden === true };
  },
  'document.view': read((w) => `/api/documents/${w.room.documentId}/export?format=markdown`),
  // The /collab socket is where documents change: an update sent on it must be stored only for editors.
  'document.edit': async (world, cookie) => {
    const documentId = world.room.documentId;
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const upgrade = await upgradeStatus(world.origin, `${COLLAB_PATH}/${documentId}`, headers);
    if (upgrade !== 101) return { status: upgrade, effect: false };
    const raw = await openRaw(world.origin, documentId, headers);
    const marker = fresh('Edit');
    const forged = new Y.Doc();
    appendParagraph(forged, marker);
    raw.send(syncFrame(2, Y.encodeStateAsUpdate(forged)));
    await barrier(raw);
    raw.ws.close();
    const stored = paragraphs(await world.server.server.documents.read(documentId));
    const effect = stored.includes(marker);
    // A read-only connection opens (to watch) but drops the update: that is the refusal, counted as 403.
    return { status: effect ? 200 : 403, effect };
  },
  'document.version': async (world, cookie) => {
    const name = fresh('Version');
    const result = await api(world.origin, 'POST', `/api/documents/${world.room.documentId}/versions`, {
      cookie,
      body: { name },
    });
    return { status: result.status, effect: (await DocumentVersionModel.exists({ name })) !== null };
  },
  'discussion.read': read((w) => `/api/rooms/${w.room.id}/messages`),
  'discussion.post': async (world, cookie) => {
    const body = fresh('Posted');
    const status = await overSocket(world, cookie, SOCKET_EVENTS.messageSend, {
      roomId: world.room.id,
      body,
      clientMessageId: randomUUID(),
    });
    return { status, effect: (await MessageModel.exists({ body })) !== null };
  },
  'visitorPass.manage': async (world, cookie) => {
    const label = fresh('Pass');
    const result = await api(world.origin, 'POST', `/api/rooms/${world.room.id}/visitor-passes`, {
      cookie,
      body: { label, expiresAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    return { status: result.status, effect: (await VisitorPassModel.exists({ label })) !== null };
  },
  // Marking one's own thread as a learner's question; callers who cannot post use a facilitator's thread.
  'question.ask': async (world, cookie) => {
    const body = fresh('Thread');
    const own = await overSocket(world, cookie, SOCKET_EVENTS.messageSend, {
      roomId: world.room.id,
      body,
      clientMessageId: randomUUID(),
    });
    const thread =
      own === 200
        ? await MessageModel.findOne({ body }).lean()
        : await postAs(world, world.facilitator.cookie, body);
    if (!thread) throw new Error('no thread to mark');
    const threadId = 'id' in thread ? thread.id : String(thread._id);
    const status = await overSocket(world, cookie, SOCKET_EVENTS.threadUpdate, {
      roomId: world.room.id,
      threadId,
      question: true,
    });
    const stored = await MessageModel.findById(threadId).lean();
    return { status, effect: stored?.question === true };
  },
  // Adding an innovation for an organisation the caller is confirmed at, so only the capability decides.
  'innovation.edit': probeInnovationEdit,
  // Listing a community's open days as their host (scheduling one also needs email, which this server has none of).
  'openday.host': read((w) => `/api/communities/${w.community.id}/open-days`),
  ...LEARNING_SET_PROBES,
  'organisation.verify': probeOrganisationVerify,
  ...MEETING_PROBES,
  ...PARTNERSHIP_PROBES,
};

const CALLERS = [...ROLES, 'outsider', 'anonymous'] as const;
type CallerName = (typeof CALLERS)[number];
const isRole = (caller: CallerName): caller is Role => (ROLES as readonly string[]).includes(caller);
const pendingCapabilities = CAPABILITIES.filter((capability) => 'pending' in (PROBES[capability] ?? {}));

describe('authorisation matrix (generated from ROLE_CAPABILITIES)', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = { ...(await roomWithEveryRole(server.origin, 'open-day')), origin: server.origin, server };
  });
  afterAll(async () => server?.stop());

  const cookieOf = (caller: CallerName): string | null => {
    if (caller === 'anonymous') return null;
    if (caller === 'outsider') return world.outsider.cookie;
    const cookie = world.cookies[caller];
    if (!cookie) throw new Error(`no ${caller} in the test room`);
    return cookie;
  };

  it(`has a probe for every capability (pending: ${pendingCapabilities.join(', ') || 'none'})`, () => {
    const missing = CAPABILITIES.filter((capability) => !(capability in PROBES));
    expect(missing, 'capabilities without a probe').toEqual([]);
    expect(Object.keys(PROBES).sort()).toEqual([...CAPABILITIES].sort());
  });

  for (const capability of CAPABILITIES) {
    const probe = PROBES[capability];
    describe(capability, () => {
      for (const caller of CALLERS) {
        const allowed = isRole(caller) && can(caller, capability);
        const name = `${allowed ? 'allows' : 'refuses'} ${caller}`;
        if (!probe || 'pending' in probe) {
          it.todo(`${name} (pending: ${probe?.pending ?? 'no probe'})`);
          continue;
        }
        it(name, async () => {
          const result = await probe(world, cookieOf(caller));
          if (allowed) {
            expect(result.status, `${capability} as ${caller}`).toBeGreaterThanOrEqual(200);
            expect(result.status, `${capability} as ${caller}`).toBeLessThan(300);
          } else if (caller === 'anonymous') {
            expect(result.status, `${capability} as ${caller}`).toBe(401);
          } else {
            expect([403, 404], `${capability} as ${caller} got ${result.status}`).toContain(result.status);
          }
          if (result.effect !== undefined) expect(result.effect, 'change reached the database').toBe(allowed);
        });
      }
    });
  }

  describe('per-object rules (shared/src/permissions)', () => {
    itEnforcesEveryObjectRule(
      () => world,
      [...COMMUNITY_OBJECT_CASES, ...ORGANISATION_OBJECT_CASES, ...INNOVATION_OBJECT_CASES],
    );
  });
});
