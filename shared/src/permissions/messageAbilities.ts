import { isAuthor } from './isAuthor.ts';
import { can } from './roles.ts';
import { threadAbilities, type ThreadFacts } from './threadAbilities.ts';
import type { Viewer } from './viewers.ts';

/** What the rules read about a message: who wrote it, and the thread it replies in (null when it starts one). */
export interface MessageFacts {
  author: { id: string };
  threadId: string | null;
}

/** What a viewer may do with one message. State (deleted, already the answer) is the caller's to check. */
export interface MessageAbilities {
  /** Edit it: its author, while they may post. */
  edit: boolean;
  /** Delete it (a tombstone stays): its author, while they may post. */
  delete: boolean;
  /** Hide or show it for everyone else: moderators. */
  hide: boolean;
  /** Read its text even while it is hidden: moderators. */
  readHidden: boolean;
  /** Mark this reply as the answer to its thread's question: whoever may mark that question answered. */
  markAnswer: boolean;
}

/**
 * What the viewer may do with one message; `thread` is the starter of the thread it replies in, when known (without
 * it, nothing about the thread is allowed).
 */
export function messageAbilities(
  viewer: Viewer,
  message: MessageFacts,
  thread: ThreadFacts | null,
): MessageAbilities {
  const author = isAuthor(viewer, message);
  const post = can(viewer.role, 'discussion.post');
  const moderator = can(viewer.role, 'room.moderate');
  return {
    edit: post && author,
    delete: post && author,
    hide: moderator,
    readHidden: moderator,
    markAnswer: message.threadId !== null && thread !== null && threadAbilities(viewer, thread).markAnswered,
  };
}
