import {
  coreFunctionChanged,
  settledAs,
  type AdaptationChoice,
  type AdaptationEntry,
  type AdaptationItemKind,
  type AdaptationLog,
  type PartnershipAbilities,
  type Settlement,
} from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { AdaptationEntryModel } from '../../models/AdaptationEntry.ts';
import { InnovationModel, type InnovationRecord } from '../../models/Innovation.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import type { RoomRecord } from '../../models/Room.ts';

/** One core function or adaptable feature of an innovation, as the log lists it. */
export interface AdaptationItem {
  id: string;
  kind: AdaptationItemKind;
  title: string;
  purpose: string;
}

/** The innovation's core functions, then its adaptable features. */
export function adaptationItemsOf(innovation: InnovationRecord | null): AdaptationItem[] {
  if (!innovation) return [];
  return [
    ...innovation.coreFunctions.map((item) => ({
      id: item.id,
      kind: 'core-function' as const,
      title: item.title,
      purpose: item.achieves ?? '',
    })),
    ...innovation.adaptableFeatures.map((item) => ({
      id: item.id,
      kind: 'adaptable-feature' as const,
      title: item.title,
      purpose: item.why ?? '',
    })),
  ];
}

/** The innovation a partnership spreads, or null when none is linked (or it has gone). */
export async function innovationOf(room: RoomRecord): Promise<InnovationRecord | null> {
  return room.innovationId ? InnovationModel.findById(room.innovationId) : null;
}

/** The adaptation log: every recipient × every item of the innovation, filled in where written. */
export async function partnershipAdaptations(
  room: RoomRecord,
  abilities: PartnershipAbilities,
): Promise<AdaptationLog> {
  const innovation = await innovationOf(room);
  const items = adaptationItemsOf(innovation);
  const [organisations, stored] = await Promise.all([
    OrganisationModel.find({ _id: trusted({ $in: room.recipientOrganisationIds }) }, { name: 1 }).lean(),
    AdaptationEntryModel.find({ roomId: room._id }).lean(),
  ]);
  const names = new Map(organisations.map((o) => [String(o._id), o.name]));
  const byKey = new Map(
    stored.map((entry) => [`${String(entry.recipientOrganisationId)} ${entry.itemId}`, entry]),
  );
  const entries: AdaptationEntry[] = room.recipientOrganisationIds.flatMap((recipientId) =>
    items.map((item) => {
      const entry = byKey.get(`${String(recipientId)} ${item.id}`);
      const choice = (entry?.choice ?? null) as AdaptationChoice | null;
      const recipientSettlement = (entry?.recipientSettlement ?? null) as Settlement | null;
      const sourceSettlement = (entry?.sourceSettlement ?? null) as Settlement | null;
      return {
        recipientOrganisationId: String(recipientId),
        recipientOrganisationName: names.get(String(recipientId)) ?? '',
        itemId: item.id,
        itemKind: item.kind,
        itemTitle: item.title,
        itemPurpose: item.purpose,
        choice,
        whatChanged: entry?.whatChanged ?? '',
        why: entry?.why ?? '',
        localContext: entry?.localContext ?? '',
        familiesSaid: entry?.familiesSaid ?? '',
        stillAchieves: (entry?.stillAchieves ?? null) as AdaptationEntry['stillAchieves'],
        sourceReply: entry?.sourceReply ?? '',
        recipientSettlement,
        sourceSettlement,
        settled: settledAs(recipientSettlement, sourceSettlement),
        coreFunctionChanged: coreFunctionChanged(item.kind, choice),
        updatedAt: entry?.updatedAt.toISOString() ?? null,
      };
    }),
  );
  return {
    innovation: innovation ? { id: String(innovation._id), name: innovation.name } : null,
    entries,
    abilities,
  };
}
