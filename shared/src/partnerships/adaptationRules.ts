import type {
  AdaptationChange,
  AdaptationChoice,
  AdaptationItemKind,
  Settlement,
} from '../schemas/adaptations.ts';
import type { PartnershipAbilities, PartnershipSide } from '../schemas/partnerships.ts';

/** What both sides settled an entry as: their shared choice once they agree, null while they differ or one is silent. */
export function settledAs(recipient: Settlement | null, source: Settlement | null): Settlement | null {
  return recipient && recipient === source ? recipient : null;
}

/**
 * Whether an entry changes a core function: the recipient is adapting it, or not adopting it. Shown to both sides as
 * "core function changed", which starts a conversation about fidelity rather than breaking a rule.
 */
export function coreFunctionChanged(itemKind: AdaptationItemKind, choice: AdaptationChoice | null): boolean {
  return itemKind === 'core-function' && (choice === 'adapting' || choice === 'not-adopting');
}

/** Fields of an entry that only the recipient writes, and the one only the source writes. */
export const RECIPIENT_FIELDS = [
  'choice',
  'whatChanged',
  'why',
  'localContext',
  'familiesSaid',
  'stillAchieves',
] as const;
export const SOURCE_FIELDS = ['sourceReply'] as const;

/** Whether someone with these abilities may make this change, and which side's settlement it writes. */
export function adaptationChangeAllowed(
  abilities: Pick<PartnershipAbilities, 'adaptFor' | 'reply'>,
  change: AdaptationChange,
): { allowed: boolean; settlementSide: PartnershipSide | null } {
  const forRecipient = abilities.adaptFor.includes(change.recipientOrganisationId);
  const writesRecipient = RECIPIENT_FIELDS.some((field) => change[field] !== undefined);
  const writesSource = SOURCE_FIELDS.some((field) => change[field] !== undefined);
  const settlementSide = forRecipient ? 'recipient' : abilities.reply ? 'source' : null;
  const allowed =
    (!writesRecipient || forRecipient) &&
    (!writesSource || abilities.reply) &&
    (change.settlement === undefined || settlementSide !== null);
  return { allowed, settlementSide: change.settlement === undefined ? null : settlementSide };
}
