import { PartnershipActivityModel } from '../../models/PartnershipActivity.ts';

/** What one organisation did in a partnership, kept for its engagement figures. */
export interface ActivityInput {
  roomId: string;
  organisationId: string | null;
  userId: string | null;
  kind: 'contact' | 'meeting' | 'milestone' | 'adaptation' | 'reflection' | 'sponsor' | 'open-day';
  at: Date;
  twoWay?: boolean;
}

/** Stores activity; activity by someone of no organisation (a facilitator from nowhere) counts for no side. */
export async function recordActivity(input: ActivityInput): Promise<void> {
  if (!input.organisationId) return;
  await PartnershipActivityModel.create({ ...input, twoWay: input.twoWay ?? false });
}
