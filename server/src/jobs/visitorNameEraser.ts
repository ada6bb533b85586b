import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { trusted } from '../database/trusted.ts';
import { AuditEventModel } from '../models/AuditEvent.ts';
import { DocumentVisitModel } from '../models/DocumentVisit.ts';
import { SessionModel } from '../models/Session.ts';
import { VisitorNameErasureModel } from '../models/VisitorNameErasure.ts';
import { VisitorPassModel } from '../models/VisitorPass.ts';

/** A claim older than this whose pass is still not marked done is taken to have died with its instance. */
const STALE_CLAIM_MS = 10 * 60_000;
const BATCH = 200;

/**
 * Erases the names visitors gave once their pass has ended (expired or revoked): their sessions, the name in the
 * `visit.started` audit events and their document visits. Safe with several instances: each pass is claimed by a
 * unique insert, so one instance does the work; the work itself can run twice harmlessly, so a claim whose instance
 * died is picked up again after ten minutes. Returns how many passes this call erased.
 */
export async function eraseEndedVisitorNames(now = new Date()): Promise<number> {
  const ended = await VisitorPassModel.find(
    {
      namesErasedAt: null,
      $or: [{ expiresAt: trusted({ $lte: now }) }, { revokedAt: trusted({ $ne: null }) }],
    },
    { _id: 1 },
  )
    .limit(BATCH)
    .lean();
  let erased = 0;
  for (const pass of ended) {
    if (!(await claim(pass._id, now))) continue;
    await eraseNamesOfPass(pass._id);
    await VisitorPassModel.updateOne({ _id: pass._id }, { $set: { namesErasedAt: now } });
    erased += 1;
  }
  return erased;
}

async function claim(passId: unknown, now: Date): Promise<boolean> {
  try {
    await VisitorNameErasureModel.create({ _id: passId, claimedAt: now });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await VisitorNameErasureModel.findById(passId).lean();
  return existing !== null && existing.claimedAt.getTime() < now.getTime() - STALE_CLAIM_MS;
}

async function eraseNamesOfPass(passId: unknown): Promise<void> {
  const sessions = await SessionModel.find({ passId }, { visitorId: 1 }).lean();
  const visitorIds = sessions.map((session) => String(session.visitorId)).filter((id) => id !== 'null');
  await SessionModel.deleteMany({ passId });
  if (visitorIds.length) await DocumentVisitModel.deleteMany({ viewerId: trusted({ $in: visitorIds }) });
  await AuditEventModel.updateMany(
    { passId, type: 'visit.started' },
    { $set: { detail: { nameErased: true } } },
  );
}
