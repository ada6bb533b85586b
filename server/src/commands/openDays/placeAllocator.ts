import { randomInt } from 'node:crypto';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { OpenDayPlaceModel } from '../../models/OpenDayPlace.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';

type Id = string | Types.ObjectId;

/**
 * Gives a registration one of the open day's numbered places, if any is free. A place is taken only by inserting
 * (openDayId, slot) under a unique index, the one write that stays atomic under concurrency on FerretDB 1.24 as on
 * MongoDB: racing registrations for the last place collide on the same slot and exactly one wins. A second unique
 * (openDayId, registrationId) keeps a registration from holding two. Slots at or above the capacity are never taken.
 */
export async function claimPlace(openDayId: Id, registrationId: Id, capacity: number): Promise<boolean> {
  const taken = await OpenDayPlaceModel.find({ openDayId }, { slot: 1, registrationId: 1 }).lean();
  if (taken.some((place) => String(place.registrationId) === String(registrationId))) return true;
  const takenSlots = new Set(taken.map((place) => place.slot));
  const free = Array.from({ length: capacity }, (_, slot) => slot).filter((slot) => !takenSlots.has(slot));
  if (!free.length) return false;
  // Starting at a random free slot spreads racing claimants out, so most win at their first insert.
  const offset = randomInt(free.length);
  for (let index = 0; index < free.length; index += 1) {
    const slot = free[(offset + index) % free.length]!;
    try {
      await OpenDayPlaceModel.create({ openDayId, slot, registrationId });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (await OpenDayPlaceModel.exists({ openDayId, registrationId })) return true;
    }
  }
  return false;
}

/** Gives a registration's place back (if it held one). */
export async function releasePlace(openDayId: Id, registrationId: Id): Promise<void> {
  await OpenDayPlaceModel.deleteMany({ openDayId, registrationId });
}

/** How many places are taken. */
export const placesTaken = (openDayId: Id): Promise<number> =>
  OpenDayPlaceModel.countDocuments({ openDayId });

/**
 * Offers free places to the waiting list, oldest registration first; returns the registrations that got one, so the
 * caller can email them their pass. Safe to run on several instances at once: each place is still a unique insert.
 */
export async function promoteWaitingList(openDayId: Id, capacity: number): Promise<string[]> {
  const promoted: string[] = [];
  const waiting = await OpenDayRegistrationModel.find({ openDayId, status: 'waiting' }, { _id: 1 })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  for (const registration of waiting) {
    if (!(await claimPlace(openDayId, registration._id, capacity))) break;
    const changed = await OpenDayRegistrationModel.updateOne(
      { _id: registration._id, status: 'waiting' },
      { $set: { status: 'confirmed' } },
    );
    // The registration was cancelled meanwhile: give the place back to the next in line.
    if (changed.modifiedCount === 0) {
      const still = await OpenDayRegistrationModel.exists({ _id: registration._id, status: 'confirmed' });
      if (!still) await releasePlace(openDayId, registration._id);
      continue;
    }
    promoted.push(String(registration._id));
  }
  return promoted;
}
