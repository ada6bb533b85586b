import { collectParticipation } from './personalParticipation.ts';
import { trusted } from '../database/trusted.ts';
import { AuditEventModel } from '../models/AuditEvent.ts';
import { CommunityModel } from '../models/Community.ts';
import { DocumentVersionModel } from '../models/DocumentVersion.ts';
import { DocumentVisitModel } from '../models/DocumentVisit.ts';
import { GroundRulesAgreementModel } from '../models/GroundRulesAgreement.ts';
import { InnovationModel } from '../models/Innovation.ts';
import { InnovationChangeModel } from '../models/InnovationChange.ts';
import { InvitationModel } from '../models/Invitation.ts';
import { MembershipModel } from '../models/Membership.ts';
import { MessageModel } from '../models/Message.ts';
import { NotificationModel } from '../models/Notification.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { ReadMarkerModel } from '../models/ReadMarker.ts';
import { RoomModel } from '../models/Room.ts';
import { SessionModel } from '../models/Session.ts';
import { SetMemberModel } from '../models/SetMember.ts';
import { UserModel } from '../models/User.ts';
import { VisitorPassModel } from '../models/VisitorPass.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const id = (value: unknown) => (value == null ? null : String(value));

/**
 * Everything stored about one person, for their subject access request (UK GDPR article 15): their account, where
 * they belong, what they wrote and named, what they agreed to, what was sent to them and the audit events about
 * them. Secrets (password hash, session and link tokens) are left out, as are other people's personal data (the
 * emails of people they invited); document content is in each document's own export.
 */
export async function collectPersonalData(userId: string): Promise<Record<string, unknown>> {
  const user = await UserModel.findById(userId).lean();
  if (!user) return {};
  const [
    sessions,
    affiliations,
    memberships,
    setMemberships,
    messages,
    notifications,
    readMarkers,
    auditEvents,
    agreements,
    versions,
    visits,
    innovationsCreated,
    innovationsAsContact,
    innovationChanges,
    invitationsReceived,
    invitationsSent,
    passesIssued,
  ] = await Promise.all([
    SessionModel.find({ userId }, { _id: 0 }).lean(),
    OrganisationAffiliationModel.find({ userId }).lean(),
    MembershipModel.find({ userId }).lean(),
    SetMemberModel.find({ userId }).lean(),
    MessageModel.find({ authorId: userId }).sort({ createdAt: 1 }).lean(),
    NotificationModel.find({ userId }).sort({ createdAt: 1 }).lean(),
    ReadMarkerModel.find({ userId }).lean(),
    AuditEventModel.find({ $or: [{ actorUserId: userId }, { targetUserId: userId }] })
      .sort({ at: 1 })
      .lean(),
    GroundRulesAgreementModel.find({ userId }).lean(),
    DocumentVersionModel.find({ createdByUserId: userId }, { state: 0, stateVector: 0 }).lean(),
    DocumentVisitModel.find({ viewerId: userId }, { stateVector: 0 }).lean(),
    InnovationModel.find({ createdBy: userId }, { name: 1, communityId: 1, createdAt: 1 }).lean(),
    InnovationModel.find({ contacts: userId }, { name: 1, communityId: 1 }).lean(),
    InnovationChangeModel.find({ changedBy: userId }).lean(),
    InvitationModel.find({ email: user.email }).lean(),
    InvitationModel.find({ createdBy: userId }).lean(),
    VisitorPassModel.find({ createdBy: userId }).lean(),
  ]);

  const roomIds = [
    ...messages.map((m) => m.roomId),
    ...setMemberships.map((m) => m.roomId),
    ...agreements.map((a) => a.roomId),
    ...passesIssued.map((p) => p.roomId),
  ];
  const [rooms, communities, organisations] = await Promise.all([
    RoomModel.find({ _id: trusted({ $in: roomIds }) }, { title: 1 }).lean(),
    CommunityModel.find(
      {
        _id: trusted({
          $in: [...memberships, ...invitationsReceived, ...invitationsSent].map((m) => m.communityId),
        }),
      },
      { name: 1 },
    ).lean(),
    OrganisationModel.find(
      { _id: trusted({ $in: [user.organisationId, ...affiliations.map((a) => a.organisationId)] }) },
      { name: 1 },
    ).lean(),
  ]);
  const roomTitle = new Map(rooms.map((room) => [String(room._id), room.title]));
  const communityName = new Map(communities.map((c) => [String(c._id), c.name]));
  const organisationName = new Map(organisations.map((o) => [String(o._id), o.name]));

  return {
    exportedAt: new Date().toISOString(),
    ...(await collectParticipation(userId)),
    about:
      'Everything Common Ground stores about you. Document content is in each document export; other people are named only where you wrote to or about them.',
    account: {
      id: id(user._id),
      email: user.email,
      displayName: user.displayName,
      organisation: user.organisationId
        ? { id: id(user.organisationId), name: organisationName.get(String(user.organisationId)) ?? null }
        : null,
      createdAt: iso(user.createdAt),
    },
    sessions: sessions.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
    })),
    affiliations: affiliations.map((a) => ({
      organisation: {
        id: id(a.organisationId),
        name: organisationName.get(String(a.organisationId)) ?? null,
      },
      status: a.status,
      isAdmin: a.isAdmin,
      requestedAt: iso(a.requestedAt),
    })),
    memberships: memberships.map((m) => ({
      community: { id: id(m.communityId), name: communityName.get(String(m.communityId)) ?? null },
      role: m.role,
      joinedAt: iso(m.joinedAt),
    })),
    learningSetMemberships: setMemberships.map((m) => ({
      room: { id: id(m.roomId), title: roomTitle.get(String(m.roomId)) ?? null },
      role: m.role,
      addedAt: iso(m.addedAt),
      removedAt: iso(m.removedAt),
    })),
    groundRulesAgreements: agreements.map((a) => ({
      room: { id: id(a.roomId), title: roomTitle.get(String(a.roomId)) ?? null },
      revision: a.revision,
      at: iso(a.at),
    })),
    messages: messages.map((m) => ({
      id: id(m._id),
      room: { id: id(m.roomId), title: roomTitle.get(String(m.roomId)) ?? null },
      threadId: id(m.threadId),
      authorName: m.authorName,
      body: m.body,
      createdAt: iso(m.createdAt),
      editedAt: iso(m.editedAt),
      deleted: m.deleted,
      hidden: m.hidden,
      question: m.question,
    })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      room: { id: id(n.roomId), title: n.roomTitle },
      from: n.actorName,
      excerpt: n.excerpt,
      createdAt: iso(n.createdAt),
      readAt: iso(n.readAt),
    })),
    readMarkers: readMarkers.map((r) => ({
      roomId: id(r.roomId),
      scope: r.scope,
      lastReadSeq: r.lastReadSeq,
      updatedAt: iso(r.updatedAt),
    })),
    documentContributions: {
      versionsNamed: versions.map((v) => ({
        documentId: id(v.documentId),
        kind: v.kind,
        name: v.name,
        createdAt: iso(v.createdAt),
      })),
      visits: visits.map((v) => ({ documentId: id(v.documentId), visitedAt: iso(v.visitedAt) })),
      note: 'Edits to a live document are stored as one shared history and are not recorded per person.',
    },
    innovations: {
      created: innovationsCreated.map((i) => ({ id: id(i._id), name: i.name, createdAt: iso(i.createdAt) })),
      listedAsContact: innovationsAsContact.map((i) => ({ id: id(i._id), name: i.name })),
      changes: innovationChanges.map((c) => ({
        innovationId: id(c.innovationId),
        revision: c.revision,
        changedAt: iso(c.changedAt),
        changes: c.changes.map((change) => ({ field: change.field, summary: change.summary })),
      })),
    },
    invitationsReceived: invitationsReceived.map((i) => ({
      community: { id: id(i.communityId), name: communityName.get(String(i.communityId)) ?? null },
      role: i.role,
      createdAt: iso(i.createdAt),
      acceptedAt: iso(i.acceptedAt),
    })),
    invitationsSent: invitationsSent.map((i) => ({
      community: { id: id(i.communityId), name: communityName.get(String(i.communityId)) ?? null },
      role: i.role,
      createdAt: iso(i.createdAt),
      accepted: i.acceptedAt !== null,
    })),
    visitorPassesIssued: passesIssued.map((p) => ({
      room: { id: id(p.roomId), title: roomTitle.get(String(p.roomId)) ?? null },
      label: p.label,
      createdAt: iso(p.createdAt),
      expiresAt: iso(p.expiresAt),
      revokedAt: iso(p.revokedAt),
      visits: p.visits,
    })),
    auditEvents: auditEvents.map((e) => ({
      type: e.type,
      at: iso(e.at),
      byYou: String(e.actorUserId) === userId,
      aboutYou: String(e.targetUserId) === userId,
      communityId: id(e.communityId),
      roomId: id(e.roomId),
      detail: e.detail,
      ip: String(e.actorUserId) === userId ? e.ip : null,
    })),
  };
}
