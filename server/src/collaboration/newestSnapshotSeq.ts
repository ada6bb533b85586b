import { Types } from 'mongoose';
import { DocumentSnapshotModel } from '../models/DocumentSnapshot.ts';

/**
 * The seq the newest snapshot of a document covers (0 when it has none). A writer that may not be the only one asks
 * after each append: compaction deletes the log entries a snapshot covers, so an append at one of those seqs succeeds
 * but is hidden by the snapshot, and must be written again after it.
 */
export async function newestSnapshotSeq(documentId: string): Promise<number> {
  const snapshot = await DocumentSnapshotModel.collection.findOne(
    { documentId: new Types.ObjectId(documentId) },
    { sort: { seq: -1 }, projection: { seq: 1 } },
  );
  return (snapshot?.seq as number | undefined) ?? 0;
}
