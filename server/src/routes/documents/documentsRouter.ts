import { Router } from 'express';
import { CONTENT_FIELD, routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { callerIdentity } from '../../auth/Caller.ts';
import { documentToHtml, htmlPage } from '../../exporters/documentToHtml.ts';
import { documentToMarkdown } from '../../exporters/documentToMarkdown.ts';
import {
  listVersions,
  loadVersion,
  recordNamedVersion,
  restoreVersion,
  versionContent,
} from '../../commands/documentHistory.ts';
import { changesSinceLastVisit, recordVisit } from '../../commands/documentVisits.ts';
import { exportFilename } from '../../exporters/exportFilename.ts';
import { presentDocumentVersion } from '../../presenters/presentDocumentVersion.ts';
import { PdfExporter } from '../../exporters/PdfExporter.ts';
import { requireCaller, requireUser } from '../../middlewares/authenticate.ts';
import { authorize } from '../../policies/authorize.ts';
import { loadDocumentRoomForCaller } from '../../policies/roomPolicy.ts';
import { registerRoute } from '../registerRoute.ts';

const CONTENT_TYPES = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const;
const EXTENSIONS = { markdown: 'md', html: 'html', pdf: 'pdf' } as const;

/** A learning document's history (versions, restore, changes since a visit) and its export. */
export function documentsRouter(context: AppContext): Router {
  const router = Router();
  const live = context.services.documents;
  const pdfs = new PdfExporter({ rateLimits: !context.env.DISABLE_RATE_LIMITS });

  registerRoute(router, routes.listDocumentVersions, async ({ params: { id } }, req, res) => {
    const { role } = await loadDocumentRoomForCaller(requireCaller(req), id);
    authorize(role, 'document.view');
    const versions = await listVersions(id);
    res.json({ versions: versions.map(presentDocumentVersion) });
  });

  registerRoute(
    router,
    routes.createDocumentVersion,
    async ({ params: { id }, body: { name } }, req, res) => {
      const caller = requireUser(req);
      const { role } = await loadDocumentRoomForCaller(caller, id);
      authorize(role, 'document.version');
      const version = await recordNamedVersion(live, id, name, {
        id: caller.user.id,
        displayName: caller.user.displayName,
      });
      res.status(201).json({ version: presentDocumentVersion(version) });
    },
  );

  registerRoute(router, routes.previewDocumentVersion, async ({ params: { id, versionId } }, req, res) => {
    const { role } = await loadDocumentRoomForCaller(requireCaller(req), id);
    authorize(role, 'document.view');
    const version = await loadVersion(id, versionId);
    const content = versionContent(version);
    res.json({
      version: presentDocumentVersion(version),
      html: documentToHtml(content),
      markdown: documentToMarkdown(content),
    });
  });

  registerRoute(router, routes.restoreDocumentVersion, async ({ params: { id, versionId } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadDocumentRoomForCaller(caller, id);
    authorize(role, 'document.edit');
    const restored = await restoreVersion(live, id, versionId, {
      id: caller.user.id,
      displayName: caller.user.displayName,
    });
    res.status(201).json({ version: presentDocumentVersion(restored) });
  });

  registerRoute(router, routes.getDocumentChanges, async ({ params: { id } }, req, res) => {
    const caller = requireCaller(req);
    const { role } = await loadDocumentRoomForCaller(caller, id);
    authorize(role, 'document.view');
    res.json(await changesSinceLastVisit(live, id, callerIdentity(caller).id));
  });

  registerRoute(router, routes.recordDocumentVisit, async ({ params: { id } }, req, res) => {
    const caller = requireCaller(req);
    const { role } = await loadDocumentRoomForCaller(caller, id);
    authorize(role, 'document.view');
    const visitedAt = await recordVisit(live, id, callerIdentity(caller).id);
    res.json({ visitedAt: visitedAt.toISOString() });
  });

  registerRoute(router, routes.exportDocument, async ({ params: { id }, query: { format } }, req, res) => {
    const caller = requireCaller(req);
    const { room, role } = await loadDocumentRoomForCaller(caller, id);
    authorize(role, 'document.view');
    const content = (await live.read(id)).getXmlFragment(CONTENT_FIELD);
    const body =
      format === 'markdown'
        ? documentToMarkdown(content)
        : format === 'html'
          ? htmlPage(room.title, documentToHtml(content))
          : await pdfs.export(htmlPage(room.title, documentToHtml(content)), {
              callerKey: `${caller.kind}:${callerIdentity(caller).id}`,
              address: req.ip ?? 'unknown',
            });
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${exportFilename(room.title, EXTENSIONS[format])}"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(body);
  });

  return router;
}
