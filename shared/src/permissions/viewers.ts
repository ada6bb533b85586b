import type { OrganisationRole, Role } from './roles.ts';

/** Who is asking, in a room or community: their user or visitor id (null when unknown) and their role there. */
export interface Viewer {
  id: string | null;
  role: Role | null;
}

/** Who is asking about an organisation's people: their user id and where they stand with the organisation. */
export interface OrganisationViewer {
  id: string;
  role: OrganisationRole | null;
}
