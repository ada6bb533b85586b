import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import { DocumentSnapshotModel } from '../models/DocumentSnapshot.ts';
import { DocumentUpdateModel } from '../models/DocumentUpdate.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

/** A document as stored: its state, the last seq it covers and how much log sits on top of the newest snapshot. */
export interface LoadedDocument {
  doc: Y.Doc;
  seq: number;
  tailEntries: number;
  tailBytes: number;
  snapshotBytes: number;
  /** Log entries that did not apply (kept in the database, never deleted by loading). */
  unreadable: number[];
}

/** Thrown when another writer already holds the next seq: the caller must read the entries it missed, then retry. */
export class SeqConflictError extends Error {
  constructor(
    readonly documentId: string,
    readonly seq: number,
  ) {
    super(`seq ${seq} of document ${documentId} is already taken`);
    this.name = 'SeqConflictError';
  }
}

type Binary = InstanceType<typeof mongoose.mongo.Binary>;

const MAX_LOAD_ATTEMPTS = 5;

/**
 * The collaboration store in MongoDB: an append-only update log keyed by (documentId, seq) plus snapshots. Nothing is
 * deleted until a snapshot covering it is stored, so a crash between any two steps loses nothing.
 */
export class DocumentStore {
  private indexes: Promise<unknown> | null = null;

  constructor(private readonly options: { writeDelayMs?: number } = {}) {}

  /** Waits for the unique indexes the seq discipline relies on. */
  async ready(): Promise<void> {
    this.indexes ??= Promise.all([DocumentUpdateModel.init(), DocumentSnapshotModel.init()]).catch(
      (error: unknown) => {
        this.indexes = null;
        throw error;
      },
    );
    await this.indexes;
  }

  /**
   * Reads the newest snapshot and the log after it into a fresh Y.Doc; throws (never guesses) when reading fails.
   * A compaction elsewhere can store a newer snapshot and delete log entries between our two reads; the load then
   * starts again, so it never returns a document with entries missing.
   */
  async load(documentId: string): Promise<LoadedDocument> {
    await this.ready();
    for (let attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt += 1) {
      const snapshot = await this.newestSnapshot(documentId, true);
      const tail = await this.readAfter(documentId, snapshot?.seq ?? 0);
      const after = await this.newestSnapshot(documentId, false);
      const contiguous = tail.every((entry, index) => entry.seq === (snapshot?.seq ?? 0) + index + 1);
      if ((after?.seq ?? 0) !== (snapshot?.seq ?? 0) || !contiguous) continue;
      return this.assemble(snapshot, tail);
    }
    throw new Error(`document ${documentId} kept changing while loading; retry`);
  }

  private async newestSnapshot(
    documentId: string,
    withState: boolean,
  ): Promise<{ seq: number; state: Uint8Array | null } | null> {
    const snapshot = await DocumentSnapshotModel.collection.findOne(
      { documentId: new Types.ObjectId(documentId) },
      { sort: { seq: -1 }, projection: withState ? { seq: 1, state: 1 } : { seq: 1 } },
    );
    if (!snapshot) return null;
    return { seq: snapshot.seq as number, state: withState ? (snapshot.state as Binary).buffer : null };
  }

  private assemble(
    snapshot: { seq: number; state: Uint8Array | null } | null,
    tail: Array<{ seq: number; update: Uint8Array }>,
  ): LoadedDocument {
    const doc = new Y.Doc();
    let seq = 0;
    let snapshotBytes = 0;
    if (snapshot?.state) {
      Y.applyUpdate(doc, snapshot.state);
      seq = snapshot.seq;
      snapshotBytes = snapshot.state.byteLength;
    }
    let tailBytes = 0;
    const unreadable: number[] = [];
    doc.transact(() => {
      for (const entry of tail) {
        try {
          Y.applyUpdate(doc, entry.update);
        } catch {
          unreadable.push(entry.seq);
        }
        tailBytes += entry.update.byteLength;
      }
    });
    if (tail.length) seq = tail[tail.length - 1]!.seq;
    return { doc, seq, tailEntries: tail.length, tailBytes, snapshotBytes, unreadable };
  }

  /** Log entries with a seq greater than `seq`, in order. */
  async readAfter(documentId: string, seq: number): Promise<Array<{ seq: number; update: Uint8Array }>> {
    const entries = await DocumentUpdateModel.collection
      .find(
        { documentId: new Types.ObjectId(documentId), seq: { $gt: seq } },
        { projection: { seq: 1, update: 1 } },
      )
      .sort({ seq: 1 })
      .toArray();
    return entries.map((entry) => ({ seq: entry.seq as number, update: (entry.update as Binary).buffer }));
  }

  /** Appends one log entry at exactly `seq`; throws {@link SeqConflictError} when that seq exists already. */
  async append(documentId: string, seq: number, update: Uint8Array, count: number): Promise<void> {
    if (this.options.writeDelayMs)
      await new Promise((resolve) => setTimeout(resolve, this.options.writeDelayMs));
    try {
      await DocumentUpdateModel.collection.insertOne({
        documentId: new Types.ObjectId(documentId),
        seq,
        update: new mongoose.mongo.Binary(update),
        count,
        at: new Date(),
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new SeqConflictError(documentId, seq);
      throw error;
    }
  }

  /** Stores a snapshot covering log entries up to `seq`, then (only then) deletes those entries and older snapshots. */
  async compact(documentId: string, seq: number, state: Uint8Array): Promise<void> {
    const id = new Types.ObjectId(documentId);
    try {
      await DocumentSnapshotModel.collection.insertOne({
        documentId: id,
        seq,
        state: new mongoose.mongo.Binary(state),
        bytes: state.byteLength,
        createdAt: new Date(),
      });
    } catch (error) {
      // A snapshot at this seq exists already (another instance compacted first); clearing up below is still right.
      if (!isDuplicateKey(error)) throw error;
    }
    await DocumentUpdateModel.collection.deleteMany({ documentId: id, seq: { $lte: seq } });
    await DocumentSnapshotModel.collection.deleteMany({ documentId: id, seq: { $lt: seq } });
  }

  /** Bytes stored for a document (snapshots plus log), for benchmarks and diagnostics. */
  async storedBytes(documentId: string): Promise<number> {
    const id = new Types.ObjectId(documentId);
    const [updates, snapshots] = await Promise.all([
      DocumentUpdateModel.collection.find({ documentId: id }, { projection: { update: 1 } }).toArray(),
      DocumentSnapshotModel.collection.find({ documentId: id }, { projection: { bytes: 1 } }).toArray(),
    ]);
    return (
      updates.reduce((sum, entry) => sum + (entry.update as Binary).buffer.byteLength, 0) +
      snapshots.reduce((sum, entry) => sum + (entry.bytes as number), 0)
    );
  }
}
