import type { Request } from 'express';
import type { Caller } from '../auth/Caller.ts';
import { AuditEventModel, type AUDIT_TYPES } from '../models/AuditEvent.ts';

/** Appends an audit event. Failures are logged by the caller's error path, never swallowed silently. */
export async function recordAudit(
  type: (typeof AUDIT_TYPES)[number],
  fields: {
    req?: Request;
    caller?: Caller | null;
    actorUserId?: string | null;
    communityId?: string | null;
    roomId?: string | null;
    targetUserId?: string | null;
    passId?: string | null;
    detail?: Record<string, string | number | boolean | null>;
  } = {},
): Promise<void> {
  const caller = fields.caller ?? fields.req?.caller ?? null;
  await AuditEventModel.create({
    type,
    actorUserId: fields.actorUserId ?? (caller?.kind === 'user' ? caller.user.id : null),
    actorSessionId: caller?.sessionId ?? null,
    communityId: fields.communityId ?? null,
    roomId: fields.roomId ?? null,
    targetUserId: fields.targetUserId ?? null,
    passId: fields.passId ?? null,
    detail: fields.detail ?? null,
    ip: fields.req?.ip ?? null,
  });
}
