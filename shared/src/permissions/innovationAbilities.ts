import type { InnovationAbilities } from '../schemas/innovations.ts';
import { can, type Role } from './roles.ts';

/**
 * Who is asking about one innovation: their role in its community, and their claim to work for the innovation's
 * source organisation (null when they make none), as the server loaded it.
 */
export interface InnovationViewer {
  role: Role | null;
  sourceAffiliation: { status: 'pending' | 'confirmed' } | null;
}

/**
 * What the viewer may do with one innovation (or, for a new one, with its would-be source organisation): every member
 * of the community reads it; only people confirmed as working for its source organisation, who also hold
 * `innovation.edit` in the community, create or change it.
 */
export function innovationAbilities(viewer: InnovationViewer): InnovationAbilities {
  const confirmedAtSource = viewer.sourceAffiliation?.status === 'confirmed';
  return {
    view: can(viewer.role, 'community.view'),
    edit: confirmedAtSource && can(viewer.role, 'innovation.edit'),
  };
}
