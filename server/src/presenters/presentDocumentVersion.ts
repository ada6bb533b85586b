import type { DocumentVersion, DocumentVersionKind } from '@common-ground/shared';
import type { DocumentVersionRecord } from '../models/DocumentVersion.ts';

/** DocumentVersion model → DTO (never the stored state itself). */
export function presentDocumentVersion(version: DocumentVersionRecord): DocumentVersion {
  return {
    id: String(version._id),
    documentId: String(version.documentId),
    kind: version.kind as DocumentVersionKind,
    name: version.name,
    createdAt: version.createdAt.toISOString(),
    createdBy: version.createdByUserId
      ? { id: String(version.createdByUserId), displayName: version.createdByName ?? '' }
      : null,
    restoredFromVersionId: version.restoredFromVersionId ? String(version.restoredFromVersionId) : null,
  };
}
