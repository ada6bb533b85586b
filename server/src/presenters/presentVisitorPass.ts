import { visitPath, type VisitorPass } from '@common-ground/shared';
import type { VisitorPassRecord } from '../models/VisitorPass.ts';

/** Visitor pass model → DTO; the token and link are included only when the pass has just been made. */
export function presentVisitorPass(
  pass: VisitorPassRecord,
  created?: { token: string; origin: string },
): VisitorPass {
  return {
    id: String(pass._id),
    roomId: String(pass.roomId),
    label: pass.label,
    expiresAt: pass.expiresAt.toISOString(),
    revokedAt: pass.revokedAt ? pass.revokedAt.toISOString() : null,
    createdAt: pass.createdAt.toISOString(),
    visits: pass.visits,
    ...(created ? { token: created.token, url: `${created.origin}${visitPath(created.token)}` } : {}),
  };
}
