import { FORMER_MEMBER_NAME, type AuditEventDto } from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import type { AuditEventRecord } from '../models/AuditEvent.ts';
import { UserModel } from '../models/User.ts';

type StoredEvent = AuditEventRecord & { _id: unknown };

/**
 * Audit events → DTOs for a community's facilitators: people named as they are now (a deleted account shows as
 * "Former member"), flat details only, and never the IP address or session behind an event.
 */
export async function presentAuditEvents(events: StoredEvent[]): Promise<AuditEventDto[]> {
  const ids = [
    ...new Set(
      events
        .flatMap((event) => [event.actorUserId, event.targetUserId])
        .filter(Boolean)
        .map(String),
    ),
  ];
  const users = await UserModel.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
  const names = new Map(users.map((user) => [String(user._id), user.displayName]));
  const person = (id: unknown) =>
    id ? { id: String(id), displayName: names.get(String(id)) ?? FORMER_MEMBER_NAME } : null;
  return events.map((event) => ({
    id: String(event._id),
    type: event.type,
    at: event.at.toISOString(),
    actor: person(event.actorUserId),
    target: person(event.targetUserId),
    roomId: event.roomId ? String(event.roomId) : null,
    detail: flatDetail(event.detail),
  }));
}

function flatDetail(detail: unknown): AuditEventDto['detail'] {
  if (!detail || typeof detail !== 'object') return null;
  const flat: NonNullable<AuditEventDto['detail']> = {};
  for (const [key, value] of Object.entries(detail))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      flat[key] = value as string | number | boolean | null;
  return flat;
}
