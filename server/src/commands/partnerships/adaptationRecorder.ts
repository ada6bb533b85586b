import {
  RECIPIENT_FIELDS,
  SOURCE_FIELDS,
  type AdaptationChange,
  type AdaptationItemKind,
  type PartnershipSide,
} from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AdaptationEntryModel, type AdaptationEntryRecord } from '../../models/AdaptationEntry.ts';
import { recordActivity } from './activityRecorder.ts';
import type { JourneyActor } from './journeyRecorder.ts';

/** One change, already allowed by the route, with the item it is about and the side whose settlement it writes. */
export interface AllowedAdaptationChange {
  change: AdaptationChange;
  itemKind: AdaptationItemKind;
  settlementSide: PartnershipSide | null;
}

async function entryFor(
  roomId: string,
  change: AdaptationChange,
  itemKind: AdaptationItemKind,
  actor: JourneyActor,
) {
  const key = { roomId, recipientOrganisationId: change.recipientOrganisationId, itemId: change.itemId };
  const existing = await AdaptationEntryModel.findOne(key);
  if (existing) return existing;
  try {
    return await AdaptationEntryModel.create({ ...key, itemKind, updatedBy: actor.userId });
  } catch (error) {
    // Two first writes to one entry at once: the unique index kept one; write into it.
    if (!isDuplicateKey(error)) throw error;
    return (await AdaptationEntryModel.findOne(key))!;
  }
}

/** Writes the changes into their entries (one per recipient and item), each counted as activity. */
export async function applyAdaptationChanges(
  roomId: string,
  actor: JourneyActor,
  changes: AllowedAdaptationChange[],
  now: Date,
): Promise<AdaptationEntryRecord[]> {
  const saved: AdaptationEntryRecord[] = [];
  for (const { change, itemKind, settlementSide } of changes) {
    const entry = await entryFor(roomId, change, itemKind, actor);
    for (const field of [...RECIPIENT_FIELDS, ...SOURCE_FIELDS]) {
      if (change[field] !== undefined) entry.set(field, change[field]);
    }
    if (settlementSide && change.settlement)
      entry.set(settlementSide === 'source' ? 'sourceSettlement' : 'recipientSettlement', change.settlement);
    entry.set({ updatedAt: now, updatedBy: actor.userId });
    saved.push(await entry.save());
  }
  if (saved.length) await recordActivity({ roomId, ...actor, kind: 'adaptation', at: now });
  return saved;
}
