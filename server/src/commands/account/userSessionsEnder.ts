import type { AccessEvents } from '../../access/AccessEvents.ts';
import { trusted } from '../../database/trusted.ts';
import { SessionModel } from '../../models/Session.ts';

/**
 * Ends every session of a user but `keepSessionId` (the one asking, when it should stay signed in), and tells every
 * instance, so open sockets on those sessions close too.
 */
export async function endUserSessions(
  accessEvents: AccessEvents,
  userId: string,
  keepSessionId: string | null = null,
): Promise<number> {
  const filter = keepSessionId ? { userId, _id: trusted({ $ne: keepSessionId }) } : { userId };
  const sessions = await SessionModel.find(filter, { _id: 1 }).lean();
  if (sessions.length === 0) return 0;
  await SessionModel.deleteMany({ _id: trusted({ $in: sessions.map((session) => session._id) }) });
  for (const session of sessions)
    await accessEvents.publish({ type: 'session.ended', sessionId: session._id });
  return sessions.length;
}
