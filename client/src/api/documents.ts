import {
  documentChangesSchema,
  documentVersionListSchema,
  documentVersionPreviewSchema,
  documentVersionResponseSchema,
  documentVisitResponseSchema,
  type DocumentExportFormat,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

const base = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}`;

/** Calls to the document history and export API, parsed with the shared schemas. */
export const documentsApi = {
  listVersions: (documentId: string) =>
    apiRequest('GET', `${base(documentId)}/versions`, { schema: documentVersionListSchema }),
  createVersion: (documentId: string, name: string) =>
    apiRequest('POST', `${base(documentId)}/versions`, {
      body: { name },
      schema: documentVersionResponseSchema,
    }),
  previewVersion: (documentId: string, versionId: string) =>
    apiRequest('GET', `${base(documentId)}/versions/${encodeURIComponent(versionId)}`, {
      schema: documentVersionPreviewSchema,
    }),
  restoreVersion: (documentId: string, versionId: string) =>
    apiRequest('POST', `${base(documentId)}/versions/${encodeURIComponent(versionId)}/restore`, {
      schema: documentVersionResponseSchema,
    }),
  changesSinceLastVisit: (documentId: string) =>
    apiRequest('GET', `${base(documentId)}/changes-since-last-visit`, { schema: documentChangesSchema }),
  recordVisit: (documentId: string) =>
    apiRequest('POST', `${base(documentId)}/visits`, { schema: documentVisitResponseSchema }),
  exportUrl: (documentId: string, format: DocumentExportFormat) =>
    `${base(documentId)}/export?format=${format}`,
};
