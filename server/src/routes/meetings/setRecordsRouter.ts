import { Router } from 'express';
import { routes } from '@common-ground/shared';
import { endSet } from '../../commands/meetings/setEnder.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { cpdRecordToHtml, cpdRecordToMarkdown } from '../../exporters/cpdRecordExport.ts';
import { renderPdf } from '../../exporters/renderPdf.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadSetMeetingsForCaller } from '../../policies/meetingPolicy.ts';
import { loadSetForCaller } from '../../policies/roomPolicy.ts';
import { cpdRecordOf } from '../../queries/cpdRecord.ts';
import { registerRoute } from '../registerRoute.ts';

/** A member's private CPD record of a set, and the set's ending (how long its content is kept). */
export function setRecordsRouter(): Router {
  const router = Router();

  registerRoute(router, routes.exportCpdRecord, async ({ params: { id }, query: { format } }, req, res) => {
    const { viewer } = await loadSetMeetingsForCaller(requireUser(req), id);
    const record = await cpdRecordOf(id, viewer.id);
    const pdf = format === 'pdf';
    const body = pdf ? await renderPdf(cpdRecordToHtml(record)) : cpdRecordToMarkdown(record);
    res.setHeader('Content-Type', pdf ? 'application/pdf' : 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="cpd-record.${pdf ? 'pdf' : 'md'}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(body);
  });

  registerRoute(router, routes.endSet, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, abilities } = await loadSetForCaller(caller, id);
    authorizeAbility(abilities.manage, "Only the set's facilitators end it.");
    const { endedAt, deleteAfter } = await endSet(id, caller.user.id, body.keepMonths);
    await recordAudit('set.ended', {
      req,
      roomId: id,
      communityId: String(room.communityId),
      detail: { keepMonths: body.keepMonths },
    });
    res.json({ endedAt: endedAt.toISOString(), deleteAfter: deleteAfter.toISOString() });
  });

  return router;
}
