import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from './common.ts';

/** Why a version exists: a facilitator named it, the server took a checkpoint, or someone restored an older version. */
export const DOCUMENT_VERSION_KINDS = ['named', 'automatic', 'restore'] as const;
export type DocumentVersionKind = (typeof DOCUMENT_VERSION_KINDS)[number];

/** The formats `GET /api/documents/:id/export` produces. */
export const DOCUMENT_EXPORT_FORMATS = ['markdown', 'html', 'pdf'] as const;
export type DocumentExportFormat = (typeof DOCUMENT_EXPORT_FORMATS)[number];

/** At most one automatic checkpoint per document in this many milliseconds of editing. */
export const DOCUMENT_CHECKPOINT_INTERVAL_MS = 10 * 60 * 1000;

/** `:id/versions/:versionId` route parameters (document id, version id). */
export const documentVersionParamsSchema = z.strictObject({ id: idSchema, versionId: idSchema });

/** `POST /api/documents/:id/versions` body: the name a facilitator gives this moment. */
export const createDocumentVersionBodySchema = z.strictObject({ name: nameSchema });
export type CreateDocumentVersionBody = z.infer<typeof createDocumentVersionBodySchema>;

/** `GET /api/documents/:id/export` query string. */
export const documentExportQuerySchema = z.strictObject({ format: z.enum(DOCUMENT_EXPORT_FORMATS) });

/** A stored version of a learning document (its content is fetched separately as a preview). */
export const documentVersionSchema = z.object({
  id: idSchema,
  documentId: idSchema,
  kind: z.enum(DOCUMENT_VERSION_KINDS),
  /** The facilitator's name for a named version; a generated label otherwise. */
  name: z.string(),
  createdAt: isoDateSchema,
  /** Who named or restored it; null for automatic checkpoints. */
  createdBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  /** For a restore: the version whose content was brought back. */
  restoredFromVersionId: idSchema.nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentVersionResponseSchema = z.object({ version: documentVersionSchema });
export const documentVersionListSchema = z.object({ versions: z.array(documentVersionSchema) });

/** `GET /api/documents/:id/versions/:versionId`: the version rendered read-only. */
export const documentVersionPreviewSchema = z.object({
  version: documentVersionSchema,
  /** Escaped, script-free HTML of the document body. */
  html: z.string(),
  markdown: z.string(),
});
export type DocumentVersionPreview = z.infer<typeof documentVersionPreviewSchema>;

/** What happened to one section (the blocks under one heading) since a visit. */
export const documentSectionChangeSchema = z.object({
  /** The section's heading text; empty for text before the first heading. */
  heading: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** Short excerpts of blocks that are new or changed in this section. */
  added: z.array(z.string()),
  /** Short excerpts of blocks that are gone from this section. */
  removed: z.array(z.string()),
});
export type DocumentSectionChange = z.infer<typeof documentSectionChangeSchema>;

/** `GET /api/documents/:id/changes-since-last-visit`. */
export const documentChangesSchema = z.object({
  /** When the caller last recorded a visit; null on a first visit (then nothing is listed as changed). */
  lastVisitAt: isoDateSchema.nullable(),
  changed: z.boolean(),
  sections: z.array(documentSectionChangeSchema),
});
export type DocumentChanges = z.infer<typeof documentChangesSchema>;

/** `POST /api/documents/:id/visits` response. */
export const documentVisitResponseSchema = z.object({ visitedAt: isoDateSchema });
