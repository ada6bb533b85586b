import { anyOf, batchedLookup } from '../database/batchedLookup.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { SessionModel } from '../models/Session.ts';
import { UserModel } from '../models/User.ts';

/**
 * The reads that turn a session cookie into a caller, each batched over one turn of the event loop (see
 * batchedLookup): a crowd reconnecting at once is answered in a few queries, not four per person. Read-only answers.
 */

/** A stored session by its id (the hash of the cookie's token). */
export const sessionById = batchedLookup(async (ids) => {
  const sessions = await SessionModel.find({ _id: anyOf(ids) }).lean();
  return new Map(sessions.map((session) => [String(session._id), session]));
});

/** An account by its id. */
export const userById = batchedLookup(async (ids) => {
  const users = await UserModel.find({ _id: anyOf(ids) }).lean();
  return new Map(users.map((user) => [String(user._id), user]));
});

/** Whether a person's affiliation with an organisation is confirmed; keyed `organisationId:userId`. */
export const confirmedAffiliation = batchedLookup(async (keys) => {
  const pairs = keys.map((key) => key.split(':') as [string, string]);
  const affiliations = await OrganisationAffiliationModel.find({
    status: 'confirmed',
    organisationId: anyOf([...new Set(pairs.map(([organisationId]) => organisationId))]),
    userId: anyOf([...new Set(pairs.map(([, userId]) => userId))]),
  }).lean();
  return new Map(
    affiliations.map((affiliation) => [
      `${String(affiliation.organisationId)}:${String(affiliation.userId)}`,
      true,
    ]),
  );
});

/** An organisation's name and verification, for the tag shown beside its people. */
export const organisationTagById = batchedLookup(async (ids) => {
  const organisations = await OrganisationModel.find({ _id: anyOf(ids) }, { name: 1, verifiedAt: 1 }).lean();
  return new Map(organisations.map((organisation) => [String(organisation._id), organisation]));
});
