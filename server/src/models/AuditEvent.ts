import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** Things worth an audit trail. */
export const AUDIT_TYPES = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.registered',
  'auth.logout',
  'auth.password.resetRequested',
  'auth.password.reset',
  'auth.password.changed',
  'auth.email.changeRequested',
  'auth.email.changed',
  'member.role.changed',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.resent',
  'visitorPass.created',
  'visitorPass.revoked',
  'visit.started',
  'organisation.affiliation.confirmed',
  'set.member.changed',
  'set.member.removed',
  'set.groundRules.written',
  'auth.registration.duplicate',
  'auth.email.verified',
  'auth.sso.signedIn',
  'auth.sso.linked',
  'auth.sso.failed',
  'organisation.domains.changed',
  'organisation.verified',
  'organisation.unverified',
  'organisation.affiliation.requested',
  'openDay.scheduled',
  'openDay.changed',
  'openDay.cancelled',
  'openDay.registrationCancelled',
  'openDay.conversationOffered',
  'openDay.attendanceExported',
  'account.erased',
  'account.exported',
  'set.ended',
] as const;

const auditEventSchema = new Schema(
  {
    type: { type: String, required: true, enum: AUDIT_TYPES },
    actorUserId: { type: Schema.Types.ObjectId, default: null },
    actorSessionId: { type: String, default: null },
    communityId: { type: Schema.Types.ObjectId, default: null },
    roomId: { type: Schema.Types.ObjectId, default: null },
    targetUserId: { type: Schema.Types.ObjectId, default: null },
    passId: { type: Schema.Types.ObjectId, default: null },
    /** Small, flat facts about the event (never passwords or tokens). */
    detail: { type: Schema.Types.Mixed, default: null },
    ip: { type: String, default: null },
    at: { type: Date, required: true, default: () => new Date(), index: true },
  },
  { versionKey: false },
);

/** An append-only record of a security-relevant event. */
export type AuditEventRecord = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = mongoose.model('AuditEvent', auditEventSchema);
