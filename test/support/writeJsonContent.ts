/** Tests write ProseMirror JSON into Yjs documents with the server's own writer. */
export { writeJsonContent, type JsonNode } from '../../server/src/documentContent/writeJsonContent.ts';
