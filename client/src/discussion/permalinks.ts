import type { Message } from '@common-ground/shared';

/** The query parameter that names the message a room page opens at. */
export const MESSAGE_PARAM = 'message';

/**
 * A message's (or a thread's starter's) permalink: its room, opened at that message. The room page loads the whole
 * history on joining, so this works for a message far beyond the first page.
 */
export function messagePath(message: Pick<Message, 'id' | 'roomId'>): string {
  return `/rooms/${message.roomId}?${MESSAGE_PARAM}=${message.id}`;
}
