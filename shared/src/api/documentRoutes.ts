import {
  createDocumentVersionBodySchema,
  documentChangesSchema,
  documentExportQuerySchema,
  documentVersionListSchema,
  documentVersionPreviewSchema,
  documentVersionResponseSchema,
  documentVisitResponseSchema,
} from '../schemas/documents.ts';
import type { HttpRoute } from './HttpRoute.ts';

/** The document history and export routes. */
export const DOCUMENT_HTTP_ROUTES: HttpRoute[] = [
  {
    method: 'get',
    path: '/api/documents/{id}/versions',
    summary: "A document's versions, newest first",
    auth: 'user-or-visitor',
    status: 200,
    response: documentVersionListSchema,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/versions',
    summary: 'Name a version of the document as it stands (facilitators)',
    auth: 'user',
    body: createDocumentVersionBodySchema,
    status: 201,
    response: documentVersionResponseSchema,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/versions/{versionId}',
    summary: 'Preview a version as HTML and Markdown',
    auth: 'user-or-visitor',
    status: 200,
    response: documentVersionPreviewSchema,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/versions/{versionId}/restore',
    summary: 'Restore a version as a new change everyone receives (editors)',
    auth: 'user',
    status: 201,
    response: documentVersionResponseSchema,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/changes-since-last-visit',
    summary: 'What changed, by section, since your last visit',
    auth: 'user-or-visitor',
    status: 200,
    response: documentChangesSchema,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/visits',
    summary: 'Record that you have seen the document as it stands',
    auth: 'user-or-visitor',
    status: 200,
    response: documentVisitResponseSchema,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/export',
    summary: 'Download the document as Markdown, HTML or PDF',
    auth: 'user-or-visitor',
    query: documentExportQuerySchema,
    status: 200,
  },
];
