import { Types } from 'mongoose';
import type { createInnovationBodySchema, updateInnovationBodySchema } from '@common-ground/shared';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { InnovationModel, type InnovationRecord } from '../../models/Innovation.ts';
import { InnovationChangeModel } from '../../models/InnovationChange.ts';
import { contentOf, type InnovationContent } from '../../models/innovationContent.ts';
import { describeInnovationChanges } from './describeInnovationChanges.ts';
import { checkInnovationContent, withItemIds } from './innovationContent.ts';

/** A new innovation as its route's schema parsed it. */
export type NewInnovation = z.output<typeof createInnovationBodySchema>;
/** A change to an innovation as its route's schema parsed it. */
export type InnovationUpdate = z.output<typeof updateInnovationBodySchema>;

/** The content a request sets, with an id on every list item. */
function contentFrom(
  request: Partial<Omit<NewInnovation, 'sourceOrganisationId'>>,
): Partial<InnovationContent> {
  const { coreFunctions, adaptableFeatures, evidence, ...rest } = request;
  return {
    ...rest,
    ...(coreFunctions ? { coreFunctions: withItemIds(coreFunctions) } : {}),
    ...(adaptableFeatures ? { adaptableFeatures: withItemIds(adaptableFeatures) } : {}),
    ...(evidence ? { evidence: withItemIds(evidence) } : {}),
  };
}

/** Creates an innovation for its source organisation, and the first entry of its history. It never authorises. */
export async function createInnovation(
  userId: string,
  communityId: string,
  body: NewInnovation,
): Promise<InnovationRecord> {
  const { sourceOrganisationId, ...request } = body;
  const content: InnovationContent = {
    ...request,
    coreFunctions: withItemIds(request.coreFunctions),
    adaptableFeatures: withItemIds(request.adaptableFeatures),
    evidence: withItemIds(request.evidence),
  };
  await checkInnovationContent(communityId, content);
  const _id = new Types.ObjectId();
  const now = new Date();
  await InnovationChangeModel.create({
    innovationId: _id,
    revision: 1,
    changedBy: userId,
    changedAt: now,
    changes: describeInnovationChanges(null, content),
  });
  return InnovationModel.create({
    _id,
    communityId,
    sourceOrganisationId,
    ...content,
    revision: 1,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Applies a change to an innovation made from revision `body.revision`, recording who changed what. Of two changes
 * made from the same revision, the unique (innovationId, revision) insert lets exactly one through; the other is
 * refused with 409 so its author can look again. A change that changes nothing is not recorded.
 */
export async function updateInnovation(
  innovation: InnovationRecord,
  userId: string,
  body: InnovationUpdate,
): Promise<InnovationRecord> {
  const { revision, ...request } = body;
  if (revision !== innovation.revision) throw staleRevision();
  const before = contentOf(innovation);
  const after: InnovationContent = { ...before, ...contentFrom(request) };
  await checkInnovationContent(String(innovation.communityId), after, request.contacts !== undefined);
  const changes = describeInnovationChanges(before, after);
  if (!changes.length) return innovation;
  const now = new Date();
  try {
    await InnovationChangeModel.create({
      innovationId: innovation._id,
      revision: revision + 1,
      changedBy: userId,
      changedAt: now,
      changes,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw staleRevision();
    throw error;
  }
  const changed = Object.fromEntries(changes.map(({ field }) => [field, after[field]]));
  await InnovationModel.updateOne(
    { _id: innovation._id },
    { $set: { ...changed, revision: revision + 1, updatedAt: now } },
  );
  const stored = await InnovationModel.findById(innovation._id);
  if (!stored) throw new AppError('not_found', 'Innovation not found.');
  return stored;
}

const staleRevision = () =>
  new AppError(
    'conflict',
    'Someone changed this innovation since you opened it. Reload it to see their change.',
    {
      fields: { revision: 'This profile has changed since you opened it' },
    },
  );
