import { randomUUID } from 'node:crypto';
import { SOCKET_EVENTS, type Meeting, type Room } from '@common-ground/shared';
import { AppError } from '../../server/src/errors.ts';
import { MeetingBidModel } from '../../server/src/models/MeetingBid.ts';
import { MeetingModel } from '../../server/src/models/Meeting.ts';
import { connectSocket, request } from '../realtime/discussionClient.ts';
import { addToSet, createRoom, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';

/** The part of the matrix's world these probes need. */
interface SetWorld {
  origin: string;
  community: { id: string };
  facilitator: SignedIn;
  member: SignedIn;
  observer: SignedIn;
}

type MeetingProbe = (world: SetWorld, cookie: string | null) => Promise<{ status: number; effect?: boolean }>;

const setsByWorld = new WeakMap<SetWorld, Promise<{ set: Room; meeting: Meeting }>>();

/** A learning set with every role of the matrix as its people (same role as in the community), and one meeting. */
function setOf(world: SetWorld) {
  let made = setsByWorld.get(world);
  if (!made) {
    made = (async () => {
      const { origin, community, facilitator } = world;
      const set = await createRoom(origin, facilitator, community.id, { kind: 'learning-set' });
      await addToSet(origin, facilitator, set.id, world.member.user.id, 'member');
      await addToSet(origin, facilitator, set.id, world.observer.user.id, 'observer');
      const written = await api(origin, 'PUT', `/api/rooms/${set.id}/ground-rules`, {
        cookie: facilitator.cookie,
        body: { rules: ['What is said here stays here.'] },
      });
      if (written.status !== 200) throw new Error(`could not write ground rules: ${written.status}`);
      const meeting = await api<{ meeting: Meeting }>(origin, 'POST', `/api/rooms/${set.id}/meetings`, {
        cookie: facilitator.cookie,
        body: { title: 'Matrix meeting', startsAt: new Date().toISOString() },
      });
      if (meeting.status !== 201) throw new Error(`could not schedule: ${meeting.status}`);
      return { set, meeting: meeting.body.meeting };
    })();
    setsByWorld.set(world, made);
  }
  return made;
}

/** Agrees to the set's ground rules as the caller (refused for anyone outside it; that is the probe's to see). */
async function agreeAs(world: SetWorld, roomId: string, cookie: string | null) {
  const rules = await api<{ groundRules: { revision: number } | null }>(
    world.origin,
    'GET',
    `/api/rooms/${roomId}/ground-rules`,
    { cookie },
  );
  if (rules.status !== 200 || !rules.body.groundRules) return;
  await api(world.origin, 'POST', `/api/rooms/${roomId}/ground-rules/agreement`, {
    cookie,
    body: { revision: rules.body.groundRules.revision },
  });
}

/** The matrix's probes for meetings: scheduling one (`meeting.run`) and bidding for time (`meeting.participate`). */
export const MEETING_PROBES: Record<'meeting.run' | 'meeting.participate', MeetingProbe> = {
  'meeting.run': async (world, cookie) => {
    const { set } = await setOf(world);
    const title = `Meeting ${randomUUID()}`;
    const result = await api(world.origin, 'POST', `/api/rooms/${set.id}/meetings`, {
      cookie,
      body: { title, startsAt: new Date().toISOString() },
    });
    return { status: result.status, effect: (await MeetingModel.exists({ title })) !== null };
  },
  'meeting.participate': async (world, cookie) => {
    const { set, meeting } = await setOf(world);
    await agreeAs(world, set.id, cookie);
    let socket;
    try {
      socket = await connectSocket(world.origin, cookie);
    } catch {
      return { status: 401 };
    }
    try {
      const before = await MeetingBidModel.countDocuments({ meetingId: meeting.id });
      const answer = await request(socket, SOCKET_EVENTS.meetingBid, { meetingId: meeting.id, minutes: 10 });
      const after = await MeetingBidModel.countDocuments({ meetingId: meeting.id });
      const status = answer.ok ? 200 : new AppError(answer.error.code, answer.error.message).status;
      return { status, effect: after > before };
    } finally {
      socket.close();
    }
  },
};
