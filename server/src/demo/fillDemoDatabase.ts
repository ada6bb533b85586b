import * as Y from 'yjs';
import { CONTENT_FIELD, type CommunityRole } from '@common-ground/shared';
import type { UserCaller } from '../auth/Caller.ts';
import { DocumentStore } from '../collaboration/DocumentStore.ts';
import type { LiveDocuments } from '../collaboration/LiveDocuments.ts';
import { createCommunity } from '../commands/communityCreator.ts';
import { recordNamedVersion } from '../commands/documentHistory.ts';
import { recordVisit } from '../commands/documentVisits.ts';
import { acceptInvitation, findUsableInvitation } from '../commands/invitationAccepter.ts';
import { inviteMember } from '../commands/memberInviter.ts';
import { updateThread } from '../commands/messages/messageChanger.ts';
import { loadThreadStarter, sendMessage, type DiscussionActor } from '../commands/messages/messageSender.ts';
import { createOrganisation, requestAffiliation } from '../commands/organisationCreator.ts';
import { createRoom } from '../commands/roomCreator.ts';
import { insertSetMember } from '../commands/learningSets/setRoster.ts';
import { registerUser } from '../commands/userRegistrar.ts';
import { issueVisitorPass } from '../commands/visitorPasses.ts';
import { CommunityModel } from '../models/Community.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { UserModel } from '../models/User.ts';
import {
  DEMO_COMMUNITY,
  DEMO_DOCUMENT_IN_PROGRESS,
  DEMO_DOCUMENT_SESSION_ONE,
  DEMO_LEARNING_SET,
  DEMO_OPEN_DAY,
  DEMO_ORGANISATIONS,
  DEMO_PARTNERSHIP,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_WELCOME,
  type DemoBlock,
  type DemoPerson,
} from './demoCommunity.ts';

/** Thrown when the database already holds people, organisations or communities: the demo never mixes with them. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

/** What the demo made, for printing: who can sign in and the open-day visitor link's token (shown once). */
export interface DemoSummary {
  communityName: string;
  password: string;
  people: Array<DemoPerson & { organisationName: string }>;
  rooms: Array<{ id: string; kind: string; title: string }>;
  visitorToken: string;
}

interface Person {
  demo: DemoPerson;
  caller: UserCaller;
}

/** Throws {@link DemoRefusedError} unless the database is empty of people, organisations and communities. */
export async function assertEmptyForDemo(): Promise<void> {
  const [people, organisations, communities] = await Promise.all([
    UserModel.estimatedDocumentCount(),
    OrganisationModel.estimatedDocumentCount(),
    CommunityModel.estimatedDocumentCount(),
  ]);
  if (people + organisations + communities > 0)
    throw new DemoRefusedError(
      `The database already holds data (${people} people, ${organisations} organisations, ${communities} communities); ` +
        'the demo fills only an empty database. Point DATA_DIR at a new folder to try it.',
    );
}

function appendBlocks(doc: Y.Doc, blocks: DemoBlock[]): void {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const elements = blocks.map((block) => {
    const element = new Y.XmlElement('heading' in block ? 'heading' : 'paragraph');
    if ('heading' in block) element.setAttribute('level', 2 as never);
    return element;
  });
  // Yjs types can only be filled once they are part of a document.
  fragment.insert(fragment.length, elements);
  blocks.forEach((block, index) =>
    elements[index]!.insert(0, [new Y.XmlText('heading' in block ? block.heading : block.paragraph)]),
  );
}

/** Writes content as the next entry of the document's update log, exactly as an editor's change is stored. */
async function writeDocument(store: DocumentStore, documentId: string, blocks: DemoBlock[]): Promise<void> {
  const { doc, seq } = await store.load(documentId);
  const before = Y.encodeStateVector(doc);
  appendBlocks(doc, blocks);
  await store.append(documentId, seq + 1, Y.encodeStateAsUpdate(doc, before), 1);
}

async function createPeople(): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  const organisations = new Map<string, { id: string; name: string; verified: boolean }>();
  for (const demo of DEMO_PEOPLE) {
    const user = await registerUser({
      email: demo.email,
      displayName: demo.displayName,
      password: DEMO_PASSWORD,
    });
    const userId = String(user._id);
    // The demo's people and organisations are fictional but stand for checked ones: addresses verified, bodies too.
    await UserModel.updateOne({ _id: userId }, { $set: { emailVerifiedAt: new Date() } });
    const spec = DEMO_ORGANISATIONS.find((organisation) => organisation.key === demo.organisation)!;
    let organisation = organisations.get(spec.key);
    if (!organisation) {
      const created = await createOrganisation(userId, {
        name: spec.name,
        kind: spec.kind,
        region: spec.region,
      });
      await OrganisationModel.updateOne({ _id: created._id }, { $set: { verifiedAt: new Date() } });
      organisation = { id: String(created._id), name: created.name, verified: true };
      organisations.set(spec.key, organisation);
    } else {
      const admin = [...people.values()].find((person) => person.demo.organisation === spec.key)!;
      await requestAffiliation(userId, organisation.id);
      await OrganisationAffiliationModel.updateOne(
        { organisationId: organisation.id, userId },
        { $set: { status: 'confirmed', confirmedBy: admin.caller.user.id } },
      );
    }
    people.set(demo.key, {
      demo,
      caller: {
        kind: 'user',
        sessionId: 'demo',
        expiresAt: new Date(Date.now() + 3600_000),
        user: {
          id: userId,
          email: user.email,
          displayName: user.displayName,
          organisation,
          emailVerified: true,
          platformRole: null,
        },
      },
    });
  }
  for (const spec of DEMO_ORGANISATIONS) {
    if (!organisations.has(spec.key)) throw new Error(`demo organisation ${spec.key} has nobody in it`);
  }
  return people;
}

function actorIn(room: RoomRecord, person: Person): DiscussionActor {
  return { caller: person.caller, room, role: person.demo.role as CommunityRole };
}

let messageCount = 0;
async function post(room: RoomRecord, person: Person, body: string, threadId?: string): Promise<string> {
  messageCount += 1;
  const clientMessageId = `demo-message-${messageCount}`;
  const { message } = await sendMessage(
    actorIn(room, person),
    { roomId: String(room._id), body, clientMessageId, ...(threadId ? { threadId } : {}) },
    { DISABLE_RATE_LIMITS: true },
  );
  return String(message._id);
}

/**
 * Fills an empty database with the demo community through the same commands the routes use: organisations with
 * confirmed staff, a community whose members joined by invitation, a learning set with a document in progress (a named
 * version, then more work since a member's last visit) and a question answered in its discussion, an open day with a
 * visitor pass, and a partnership.
 */
export async function fillDemoDatabase(): Promise<DemoSummary> {
  await assertEmptyForDemo();
  const people = await createPeople();
  const person = (key: string) => people.get(key)!;
  // The first person creates the community and is its first facilitator; everyone else joins by invitation.
  const lead = person(DEMO_PEOPLE[0]!.key);
  const leadId = lead.caller.user.id;

  const community = await createCommunity(leadId, DEMO_COMMUNITY);
  const communityId = String(community._id);
  for (const joiner of people.values()) {
    if (joiner === lead) continue;
    const { token } = await inviteMember(leadId, communityId, {
      email: joiner.demo.email,
      role: joiner.demo.role,
    });
    await acceptInvitation(joiner.caller, await findUsableInvitation(token));
  }

  const organisationId = (key: string) =>
    [...people.values()].find((p) => p.demo.organisation === key)!.caller.user.organisation!.id;
  const recipients = DEMO_ORGANISATIONS.filter((o) => o.key !== 'source').map((o) => organisationId(o.key));
  const learningSet = await createRoom(leadId, communityId, {
    kind: 'learning-set',
    title: DEMO_LEARNING_SET.title,
    sourceOrganisationId: organisationId('source'),
    recipientOrganisationIds: recipients,
  });
  // The demo's set keeps everyone in the community as its people, with their community roles.
  for (const { demo, caller } of people.values())
    await insertSetMember({
      roomId: String(learningSet._id),
      communityId,
      userId: caller.user.id,
      role: demo.role,
      addedAt: new Date(),
    });
  const openDay = await createRoom(leadId, communityId, { kind: 'open-day', title: DEMO_OPEN_DAY.title });
  const partnership = await createRoom(leadId, communityId, {
    kind: 'partnership',
    title: DEMO_PARTNERSHIP.title,
    sourceOrganisationId: organisationId('source'),
    recipientOrganisationIds: DEMO_PARTNERSHIP.recipients.map(organisationId),
  });

  const store = new DocumentStore();
  await store.ready();
  const live: LiveDocuments = {
    read: async (documentId) => (await store.load(documentId)).doc,
    applyUpdate: async () => {
      throw new Error('the demo writes through the document store');
    },
    onPersisted: () => () => undefined,
  };
  const documentId = String(learningSet.documentId);
  const facilitator = person('daniel');
  await writeDocument(store, documentId, DEMO_DOCUMENT_SESSION_ONE);
  await recordNamedVersion(live, documentId, 'After session 1', {
    id: facilitator.caller.user.id,
    displayName: facilitator.caller.user.displayName,
  });
  // The asker last looked after session 1, so the document shows her what changed since.
  await recordVisit(live, documentId, person(DEMO_LEARNING_SET.question.author).caller.user.id);
  await writeDocument(store, documentId, DEMO_DOCUMENT_IN_PROGRESS);
  await writeDocument(store, String(openDay.documentId), [
    { heading: 'Welcome, visitors' },
    {
      paragraph:
        'Follow along as we walk through a family network meeting from the first call to the written plan.',
    },
  ]);

  const space = await RoomModel.findById(community.spaceRoomId);
  if (space) await post(space, person(DEMO_WELCOME.author), DEMO_WELCOME.body);

  const { question, answer, followUp } = DEMO_LEARNING_SET;
  const asker = person(question.author);
  const threadId = await post(learningSet, asker, question.body);
  await updateThread(await loadThreadStarter(String(learningSet._id), threadId), {
    roomId: String(learningSet._id),
    threadId,
    question: true,
  });
  const answerId = await post(learningSet, person(answer.author), answer.body, threadId);
  await post(learningSet, person(followUp.author), followUp.body, threadId);
  await updateThread(await loadThreadStarter(String(learningSet._id), threadId), {
    roomId: String(learningSet._id),
    threadId,
    answered: true,
    answerMessageId: answerId,
  });

  const { token: visitorToken } = await issueVisitorPass(leadId, openDay, {
    label: DEMO_OPEN_DAY.passLabel,
    expiresAt: new Date(Date.now() + DEMO_OPEN_DAY.passDays * 24 * 3600_000).toISOString(),
  });

  return {
    communityName: community.name,
    password: DEMO_PASSWORD,
    people: [...people.values()].map(({ demo, caller }) => ({
      ...demo,
      organisationName: caller.user.organisation!.name,
    })),
    rooms: [learningSet, openDay, partnership].map((room) => ({
      id: String(room._id),
      kind: room.kind,
      title: room.title,
    })),
    visitorToken,
  };
}
