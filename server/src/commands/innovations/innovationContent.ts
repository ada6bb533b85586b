import { randomUUID } from 'node:crypto';
import { stageProblem } from '@common-ground/shared';
import type { InnovationContent } from '../../models/innovationContent.ts';
import { AppError } from '../../errors.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { trusted } from '../../database/trusted.ts';

/** Gives each list item a stable id: its own when it has a fresh one, a new one when it is new or repeats one. */
export function withItemIds<T extends { id?: string | undefined }>(items: T[]): (T & { id: string })[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const id = item.id && !seen.has(item.id) ? item.id : randomUUID();
    seen.add(id);
    return { ...item, id };
  });
}

/**
 * Refuses content an innovation may not hold, before anything is stored: "evidenced" without an independent impact
 * evaluation (the rule in shared), or new contacts who are not members of the community.
 */
export async function checkInnovationContent(
  communityId: string,
  content: InnovationContent,
  contactsChanged = true,
): Promise<void> {
  const problem = stageProblem(content.stage, content.evidence);
  if (problem) throw new AppError('validation_failed', problem, { fields: { stage: problem } });
  const contacts = [...new Set(content.contacts)];
  if (contacts.length !== content.contacts.length) {
    throw new AppError('validation_failed', 'Each contact can appear only once.', {
      fields: { contacts: 'Each contact can appear only once' },
    });
  }
  if (!contactsChanged || !contacts.length) return;
  const members = await MembershipModel.countDocuments({ communityId, userId: trusted({ $in: contacts }) });
  if (members !== contacts.length) {
    throw new AppError('validation_failed', 'Contacts must be members of this community.', {
      fields: { contacts: 'Choose contacts who are members of this community' },
    });
  }
}
