import { randomUUID } from 'node:crypto';
import { SOCKET_EVENTS, type Message } from '@common-ground/shared';
import { AppError } from '../../server/src/errors.ts';
import { MembershipModel } from '../../server/src/models/Membership.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { joinCommunityAs, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { connectSocket, request, sendMessage } from '../realtime/discussionClient.ts';
import {
  objectCase as c,
  type Actor,
  type ObjectCase,
  type ObjectProbeResult,
  type ObjectWorld,
} from './objectCase.ts';

const fresh = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;
const author: Actor = (world) => world.member;
const facilitator: Actor = (world) => world.facilitator;
const anotherMember: Actor = (world) =>
  joinCommunityAs(world.origin, world.facilitator, world.community.id, 'member');

async function emitAs(world: ObjectWorld, who: SignedIn, event: string, payload: object): Promise<number> {
  const socket = await connectSocket(world.origin, who.cookie);
  try {
    const answer = await request(socket, event, { roomId: world.room.id, ...payload });
    return answer.ok ? 200 : new AppError(answer.error.code, answer.error.message).status;
  } finally {
    socket.close();
  }
}

async function postAs(world: ObjectWorld, who: SignedIn, threadId?: string): Promise<Message> {
  const socket = await connectSocket(world.origin, who.cookie);
  try {
    return await sendMessage(socket, world.room.id, fresh('Message'), threadId ? { threadId } : {});
  } finally {
    socket.close();
  }
}

const stored = async (message: Message) => MessageModel.findById(message.id).lean();

/** The member's message, changed by someone; the effect is read back from the database. */
const changeMessage =
  (event: string, payload: object, changed: (after: Awaited<ReturnType<typeof stored>>) => boolean) =>
  (who: Actor) =>
  async (world: ObjectWorld): Promise<ObjectProbeResult> => {
    const message = await postAs(world, world.member);
    const status = await emitAs(world, await who(world), event, { messageId: message.id, ...payload });
    return { status, effect: changed(await stored(message)) };
  };

const EDITED = 'Edited by the probe';
const edit = changeMessage(SOCKET_EVENTS.messageEdit, { body: EDITED }, (after) => after?.body === EDITED);
const remove = changeMessage(SOCKET_EVENTS.messageDelete, {}, (after) => after?.deleted === true);

/** A reply, by someone, in a thread a facilitator started (and locked). */
const reply = (locked: boolean) => (who: Actor) => async (world: ObjectWorld) => {
  const thread = await postAs(world, world.facilitator);
  if (locked)
    await emitAs(world, world.facilitator, SOCKET_EVENTS.threadUpdate, { threadId: thread.id, locked: true });
  const body = fresh('Reply');
  const status = await emitAs(world, await who(world), SOCKET_EVENTS.messageSend, {
    threadId: thread.id,
    body,
    clientMessageId: randomUUID(),
  });
  return { status, effect: (await MessageModel.exists({ body })) !== null };
};

/** A change to the state of a thread the member started (and, for answers, marked as a question), made by someone. */
const threadChange =
  (payload: (answer: Message) => object, changed: (after: Awaited<ReturnType<typeof stored>>) => boolean) =>
  (who: Actor) =>
  async (world: ObjectWorld): Promise<ObjectProbeResult> => {
    const thread = await postAs(world, world.member);
    if ('answered' in payload(thread))
      await emitAs(world, world.member, SOCKET_EVENTS.threadUpdate, { threadId: thread.id, question: true });
    const answer = await postAs(world, world.facilitator, thread.id);
    const status = await emitAs(world, await who(world), SOCKET_EVENTS.threadUpdate, {
      threadId: thread.id,
      ...payload(answer),
    });
    return { status, effect: changed(await stored(thread)) };
  };

const markQuestion = threadChange(
  () => ({ question: true }),
  (after) => after?.question === true,
);
const markAnswered = threadChange(
  (answer) => ({ answered: true, answerMessageId: answer.id }),
  (after) => after?.answeredAt != null,
);
const lock = threadChange(
  () => ({ locked: true }),
  (after) => after?.locked === true,
);

/** Someone takes a member out of the community (the member themself: leaving). */
const removeMember = (who: Actor, target: 'self' | 'another member') => async (world: ObjectWorld) => {
  const caller = await who(world);
  const leaving = target === 'self' ? caller : await anotherMember(world);
  const result = await api(
    world.origin,
    'DELETE',
    `/api/communities/${world.community.id}/members/${leaving.user.id}`,
    { cookie: caller.cookie },
  );
  const left = !(await MembershipModel.exists({ communityId: world.community.id, userId: leaving.user.id }));
  return { status: result.status, effect: left };
};

/** Messages, threads and memberships: each row fails if its rule in shared/src/permissions, or the server's use of it, breaks. */
export const COMMUNITY_OBJECT_CASES: readonly ObjectCase[] = [
  c('messageAbilities.edit', 'its author', true, edit(author)),
  c('messageAbilities.edit', 'another member', false, edit(anotherMember)),
  c('messageAbilities.edit', 'a facilitator who did not write it', false, edit(facilitator)),
  c('messageAbilities.delete', 'its author', true, remove(author)),
  c('messageAbilities.delete', 'another member', false, remove(anotherMember)),
  c('messageAbilities.delete', 'a facilitator who did not write it', false, remove(facilitator)),
  c('threadAbilities.reply', 'a member, in an open thread', true, reply(false)(author)),
  c('threadAbilities.reply', 'a member, in a locked thread', false, reply(true)(author)),
  c('threadAbilities.reply', 'a facilitator, in a locked thread', true, reply(true)(facilitator)),
  c('threadAbilities.markQuestion', 'the thread’s author', true, markQuestion(author)),
  c('threadAbilities.markQuestion', 'another member', false, markQuestion(anotherMember)),
  c('threadAbilities.markQuestion', 'a facilitator', true, markQuestion(facilitator)),
  c('threadAbilities.markAnswered', 'the asker', true, markAnswered(author)),
  c('threadAbilities.markAnswered', 'another member', false, markAnswered(anotherMember)),
  c('threadAbilities.markAnswered', 'a facilitator', true, markAnswered(facilitator)),
  c('threadAbilities.lock', 'the thread’s author, a member', false, lock(author)),
  c('threadAbilities.lock', 'a facilitator', true, lock(facilitator)),
  c('memberAbilities.leave', 'a member leaving', true, removeMember(anotherMember, 'self')),
  c('memberAbilities.remove', 'a member removing another', false, removeMember(author, 'another member')),
  c('memberAbilities.remove', 'a facilitator', true, removeMember(facilitator, 'another member')),
];
