import type { Viewer } from './viewers.ts';

/** Whether the viewer wrote the object; the one ownership comparison the discussion rules share. */
export function isAuthor(viewer: Pick<Viewer, 'id'>, object: { author: { id: string } }): boolean {
  return viewer.id === object.author.id;
}
