import mongoose, { Types } from 'mongoose';
import {
  createCommunity,
  createOrganisation,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../../test/support/factories.ts';

/** The benchmark's people on our server: a facilitator, an observer, and the storm's members once created. */
export interface Accounts {
  facilitator: SignedIn;
  watcher: SignedIn;
  communityId: string;
  /** Cookies of the storm's distinct members, once created. */
  people?: string[];
}

/** Bytes a document's update log holds in one benchmark database. */
export async function logBytes(databaseName: string, documentId: string): Promise<number> {
  const entries = await mongoose.connection
    .useDb(databaseName)
    .collection('documentupdates')
    .find({ documentId: new Types.ObjectId(documentId) })
    .toArray();
  return entries.reduce((sum, entry) => sum + mongoose.mongo.BSON.calculateObjectSize(entry), 0);
}

/** `count` members of the benchmark's community (one per storm joiner), created eight at a time, kept for reuse. */
export async function stormPeople(origin: string, accounts: Accounts, count: number): Promise<string[]> {
  accounts.people ??= [];
  while (accounts.people.length < count) {
    const batch = Math.min(8, count - accounts.people.length);
    const members = await Promise.all(
      Array.from({ length: batch }, () =>
        joinCommunityAs(origin, accounts.facilitator, accounts.communityId, 'member'),
      ),
    );
    accounts.people.push(...members.map((member) => member.cookie));
  }
  return accounts.people;
}

/** A facilitator with a confirmed organisation (as most members have) and an observer, in one community. */
export async function createAccounts(origin: string): Promise<Accounts> {
  const facilitator = await registerUser(origin);
  await createOrganisation(origin, facilitator);
  const community = await createCommunity(origin, facilitator);
  const watcher = await joinCommunityAs(origin, facilitator, community.id, 'observer');
  return { facilitator, watcher, communityId: community.id };
}
