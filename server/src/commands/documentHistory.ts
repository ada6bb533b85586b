import { Types } from 'mongoose';
import * as Y from 'yjs';
import { CONTENT_FIELD, DOCUMENT_CHECKPOINT_INTERVAL_MS } from '@common-ground/shared';
import { AppError } from '../errors.ts';
import { DocumentVersionModel, type DocumentVersionRecord } from '../models/DocumentVersion.ts';
import type { LiveDocuments } from '../collaboration/LiveDocuments.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

/** Who made a version, as stored with it. */
export interface VersionAuthor {
  id: string;
  displayName: string;
}

/** Stores a named version of the document as it stands now. */
export async function recordNamedVersion(
  live: LiveDocuments,
  documentId: string,
  name: string,
  author: VersionAuthor,
): Promise<DocumentVersionRecord> {
  const doc = await live.read(documentId);
  return storeVersion(documentId, doc, {
    kind: 'named',
    name,
    slot: `named:${new Types.ObjectId()}`,
    author,
  });
}

/**
 * Takes an automatic checkpoint unless one was taken in the current window or nothing changed since the newest
 * version. Safe to call from several instances at once: the unique (documentId, slot) index keeps one per window.
 */
export async function takeCheckpoint(
  live: LiveDocuments,
  documentId: string,
  now = Date.now(),
): Promise<DocumentVersionRecord | null> {
  const newest = await DocumentVersionModel.findOne(
    { documentId },
    { stateVector: 1, createdAt: 1, kind: 1 },
  ).sort({ createdAt: -1 });
  if (newest?.kind === 'automatic' && now - newest.createdAt.getTime() < DOCUMENT_CHECKPOINT_INTERVAL_MS)
    return null;
  const doc = await live.read(documentId);
  const stateVector = Y.encodeStateVector(doc);
  if (newest && Buffer.compare(Buffer.from(stateVector), Buffer.from(newest.stateVector)) === 0) return null;
  if (doc.getXmlFragment(CONTENT_FIELD).length === 0 && !newest) return null;
  const window = Math.floor(now / DOCUMENT_CHECKPOINT_INTERVAL_MS);
  const label = `Automatic checkpoint, ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  try {
    return await storeVersion(
      documentId,
      doc,
      { kind: 'automatic', name: label, slot: `auto:${window}`, author: null },
      now,
    );
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
}

/**
 * Restores a version as a NEW change: replaces the current body with the version's content in one server-side update
 * applied through the collaboration server, so every client receives it and history is never rewritten. Edits made
 * concurrently by others merge with it as any two edits would. Records who restored what.
 */
export async function restoreVersion(
  live: LiveDocuments,
  documentId: string,
  versionId: string,
  author: VersionAuthor,
): Promise<DocumentVersionRecord> {
  const version = await loadVersion(documentId, versionId);
  const source = new Y.Doc();
  Y.applyUpdate(source, version.state);
  const current = await live.read(documentId);
  const before = Y.encodeStateVector(current);
  const target = current.getXmlFragment(CONTENT_FIELD);
  current.transact(() => {
    target.delete(0, target.length);
    target.insert(
      0,
      source
        .getXmlFragment(CONTENT_FIELD)
        .toArray()
        .flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone()])),
    );
  });
  await live.applyUpdate(documentId, Y.encodeStateAsUpdate(current, before));
  return storeVersion(documentId, current, {
    kind: 'restore',
    name: `Restored “${version.name}”`,
    slot: `restore:${new Types.ObjectId()}`,
    author,
    restoredFromVersionId: versionId,
  });
}

/** Loads one version of this document, or 404. */
export async function loadVersion(documentId: string, versionId: string): Promise<DocumentVersionRecord> {
  const version = await DocumentVersionModel.findOne({ _id: versionId, documentId });
  if (!version) throw new AppError('not_found', 'Version not found.');
  return version;
}

/** The document's versions, newest first. */
export async function listVersions(documentId: string, limit = 200): Promise<DocumentVersionRecord[]> {
  return DocumentVersionModel.find({ documentId }, { state: 0 }).sort({ createdAt: -1 }).limit(limit);
}

/** The content fragment of a stored version, in a document of its own. */
export function versionContent(version: DocumentVersionRecord): Y.XmlFragment {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, version.state);
  return doc.getXmlFragment(CONTENT_FIELD);
}

async function storeVersion(
  documentId: string,
  doc: Y.Doc,
  fields: {
    kind: 'named' | 'automatic' | 'restore';
    name: string;
    slot: string;
    author: VersionAuthor | null;
    restoredFromVersionId?: string;
  },
  now = Date.now(),
): Promise<DocumentVersionRecord> {
  const state = Y.encodeStateAsUpdate(doc);
  return DocumentVersionModel.create({
    documentId,
    kind: fields.kind,
    name: fields.name,
    slot: fields.slot,
    state: Buffer.from(state),
    stateVector: Buffer.from(Y.encodeStateVector(doc)),
    bytes: state.byteLength,
    createdByUserId: fields.author?.id ?? null,
    createdByName: fields.author?.displayName ?? null,
    restoredFromVersionId: fields.restoredFromVersionId ?? null,
    createdAt: new Date(now),
  });
}
