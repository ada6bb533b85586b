import {
  SOCKET_EVENTS,
  SUGGESTED_GROUND_RULES,
  type Meeting,
  type MeetingJoinResult,
} from '@common-ground/shared';
import { connectSocket, request, type ClientSocket } from '../realtime/discussionClient.ts';
import { addToSet, joinCommunityAs, type SignedIn } from './factories.ts';
import { api } from './http.ts';
import { learningSetWorld } from './learningSetWorld.ts';

/**
 * A learning set ready to meet: its facilitator, two members and an observer, who have all agreed to the ground rules,
 * plus everyone outside it from {@link learningSetWorld} (community facilitator, bystander, visitor, outsider).
 */
export async function meetingWorld(origin: string) {
  const world = await learningSetWorld(origin);
  const secondMember = await joinCommunityAs(origin, world.lead, world.community.id, 'member');
  await addToSet(origin, world.setFacilitator, world.set.id, secondMember.user.id, 'member');
  const setObserver = await joinCommunityAs(origin, world.lead, world.community.id, 'member');
  await addToSet(origin, world.setFacilitator, world.set.id, setObserver.user.id, 'observer');
  const rules = await api<{ groundRules: { revision: number } }>(
    origin,
    'PUT',
    `/api/rooms/${world.set.id}/ground-rules`,
    { cookie: world.setFacilitator.cookie, body: { rules: [...SUGGESTED_GROUND_RULES] } },
  );
  if (rules.status !== 200) throw new Error(`ground rules: ${rules.status}`);
  for (const person of [world.setFacilitator, world.setMember, secondMember, setObserver]) {
    await agree(origin, world.set.id, person, rules.body.groundRules.revision);
  }
  return { ...world, secondMember, setObserver };
}

/** Agrees to a revision of a set's ground rules, insisting it worked. */
export async function agree(origin: string, roomId: string, person: SignedIn, revision: number) {
  const result = await api(origin, 'POST', `/api/rooms/${roomId}/ground-rules/agreement`, {
    cookie: person.cookie,
    body: { revision },
  });
  if (result.status !== 204) throw new Error(`agree: ${result.status}`);
}

/** Schedules a meeting as someone who may, insisting it worked. */
export async function scheduleMeeting(origin: string, roomId: string, by: SignedIn, title = 'March meeting') {
  const result = await api<{ meeting: Meeting }>(origin, 'POST', `/api/rooms/${roomId}/meetings`, {
    cookie: by.cookie,
    body: { title, startsAt: new Date(Date.now() + 60_000).toISOString() },
  });
  if (result.status !== 201) throw new Error(`schedule: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.meeting;
}

/** Connects a socket and joins a meeting, insisting it worked. */
export async function joinMeeting(
  origin: string,
  cookie: string,
  meetingId: string,
): Promise<{ socket: ClientSocket; joined: MeetingJoinResult }> {
  const socket = await connectSocket(origin, cookie);
  const answer = await request<MeetingJoinResult>(socket, SOCKET_EVENTS.meetingJoin, { meetingId });
  if (!answer.ok) {
    socket.close();
    throw new Error(`join meeting: ${answer.error.code} ${answer.error.message}`);
  }
  return { socket, joined: answer };
}

/** Sends a runner's or member's event and insists it worked. */
export async function must<T extends object>(
  socket: ClientSocket,
  event: string,
  payload: unknown,
): Promise<T> {
  const answer = await request<T>(socket, event, payload);
  if (!answer.ok) throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
  return answer;
}
