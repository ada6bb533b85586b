import * as Y from 'yjs';
import type { DocumentChanges } from '@common-ground/shared';
import { DocumentVisitModel } from '../models/DocumentVisit.ts';
import { documentBlocks, summariseChanges } from '../documentContent/documentBlocks.ts';
import { CONTENT_FIELD } from '@common-ground/shared';
import type { LiveDocuments } from '../collaboration/LiveDocuments.ts';

/** Records that someone (a user or an open-day visitor, by id) has seen the document as it stands now. */
export async function recordVisit(
  live: LiveDocuments,
  documentId: string,
  viewerId: string,
  now = new Date(),
): Promise<Date> {
  const doc = await live.read(documentId);
  await DocumentVisitModel.findOneAndUpdate(
    { documentId, viewerId },
    {
      $set: {
        visitedAt: now,
        stateVector: Buffer.from(Y.encodeStateVector(doc)),
        blocks: documentBlocks(doc.getXmlFragment(CONTENT_FIELD)),
      },
    },
    { upsert: true },
  );
  return now;
}

/** What changed, section by section, between someone's last recorded visit and now. */
export async function changesSinceLastVisit(
  live: LiveDocuments,
  documentId: string,
  viewerId: string,
): Promise<DocumentChanges> {
  const visit = await DocumentVisitModel.findOne({ documentId, viewerId });
  if (!visit) return { lastVisitAt: null, changed: false, sections: [] };
  const doc = await live.read(documentId);
  const lastVisitAt = visit.visitedAt.toISOString();
  if (Buffer.compare(Buffer.from(Y.encodeStateVector(doc)), visit.stateVector) === 0)
    return { lastVisitAt, changed: false, sections: [] };
  const before = visit.blocks.map((block) => ({ section: block.section ?? '', text: block.text ?? '' }));
  const sections = summariseChanges(before, documentBlocks(doc.getXmlFragment(CONTENT_FIELD)));
  return { lastVisitAt, changed: sections.length > 0, sections };
}
