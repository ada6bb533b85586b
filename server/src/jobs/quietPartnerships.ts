import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { notifyAboutPartnership } from '../commands/partnerships/partnershipNotifier.ts';
import type { Logger } from '../logger.ts';
import { QuietSpellPromptModel } from '../models/QuietSpellPrompt.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { lastTwoWayContactOf } from '../queries/partnerships/partnershipEngagement.ts';
import { partnershipPeople } from '../queries/partnerships/partnershipPeople.ts';
import type { Clock } from '../services.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often each instance looks for quiet partnerships; the unique claim makes extra looks harmless. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Claims one prompt of one spell across every instance; false when another instance (or an earlier run) has it. */
async function claimPrompt(roomId: unknown, spellStart: Date, stage: 'check-in' | 'facilitators', now: Date) {
  try {
    return await QuietSpellPromptModel.create({ roomId, spellStart, stage, createdAt: now });
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
}

/** What one pass did, for logs and tests. */
export interface QuietPass {
  checkInsAsked: string[];
  facilitatorsTold: string[];
}

async function tendOne(room: RoomRecord, now: Date, quietDays: number, pass: QuietPass): Promise<void> {
  // A spell starts at the last two-way contact, or at the partnership's start if there has been none.
  const spellStart = (await lastTwoWayContactOf(room)) ?? room.createdAt;
  const quietFor = now.getTime() - spellStart.getTime();
  if (quietFor < quietDays * DAY_MS) return;
  const checkIn = await claimPrompt(room._id, spellStart, 'check-in', now);
  if (checkIn) {
    const { partners } = await partnershipPeople(room);
    await notifyAboutPartnership(
      room,
      partners,
      'partnership-check-in',
      checkIn._id,
      `It has been ${Math.floor(quietFor / DAY_MS)} days since both sides were last in touch. A short check-in keeps the partnership going.`,
    );
    pass.checkInsAsked.push(String(room._id));
    return;
  }
  // Facilitators hear only if the quiet continued for another spell after the partners were asked.
  const asked = await QuietSpellPromptModel.findOne({
    roomId: room._id,
    spellStart,
    stage: 'check-in',
  }).lean();
  if (!asked || now.getTime() - asked.createdAt.getTime() < quietDays * DAY_MS) return;
  const told = await claimPrompt(room._id, spellStart, 'facilitators', now);
  if (!told) return;
  const { overseers } = await partnershipPeople(room);
  await notifyAboutPartnership(
    room,
    overseers,
    'partnership-still-quiet',
    told._id,
    `This partnership has been quiet for ${Math.floor(quietFor / DAY_MS)} days, and its people were asked to check in ${quietDays} or more days ago.`,
  );
  pass.facilitatorsTold.push(String(room._id));
}

/**
 * Asks quiet partnerships for a check-in: after `quietDays` without two-way contact both sides are asked, once per
 * spell; if the quiet continues `quietDays` more, the community's facilitators are told, once. Safe on several
 * instances at once: each prompt is claimed with a unique insert before anyone is notified.
 */
export async function tendQuietPartnerships(now: Date, quietDays: number): Promise<QuietPass> {
  const pass: QuietPass = { checkInsAsked: [], facilitatorsTold: [] };
  const rooms = await RoomModel.find({ kind: 'partnership' });
  for (const room of rooms) await tendOne(room, now, quietDays, pass);
  return pass;
}

/** Runs {@link tendQuietPartnerships} every hour; returns the function that stops it. */
export function startQuietPartnershipChecks(clock: Clock, quietDays: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    tendQuietPartnerships(clock.now(), quietDays).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not check for quiet partnerships; will try again in an hour'),
    );
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
