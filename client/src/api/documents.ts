import { routes, urlFor, type DocumentExportFormat } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Calls to the document history and export API, parsed with the shared schemas. */
export const documentsApi = {
  listVersions: (id: string) => api(routes.listDocumentVersions, { params: { id } }),
  createVersion: (id: string, name: string) =>
    api(routes.createDocumentVersion, { params: { id }, body: { name } }),
  previewVersion: (id: string, versionId: string) =>
    api(routes.previewDocumentVersion, { params: { id, versionId } }),
  restoreVersion: (id: string, versionId: string) =>
    api(routes.restoreDocumentVersion, { params: { id, versionId } }),
  changesSinceLastVisit: (id: string) => api(routes.getDocumentChanges, { params: { id } }),
  /** Records the visit; `leaving` lets the request finish after the page has gone. */
  recordVisit: (id: string, { leaving = false } = {}) =>
    api(routes.recordDocumentVisit, { params: { id }, keepalive: leaving }),
  /** A download link, for the browser to follow itself. */
  exportUrl: (id: string, format: DocumentExportFormat) =>
    urlFor(routes.exportDocument, { params: { id }, query: { format } }),
};
