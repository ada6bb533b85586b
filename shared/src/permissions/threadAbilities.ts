import { isAuthor } from './isAuthor.ts';
import { can } from './roles.ts';
import type { Viewer } from './viewers.ts';

/** What the rules read about a thread (its starter message): who started it and whether it is locked. */
export interface ThreadFacts {
  author: { id: string };
  locked: boolean;
}

/** What a viewer may do with one thread. State (deleted, already a question) is the caller's to check. */
export interface ThreadAbilities {
  /** Reply: anyone who may post, unless the thread is locked, which only moderators may still reply in. */
  reply: boolean;
  /** Lock or unlock it: moderators. */
  lock: boolean;
  /** Offer to turn it into a learner's question: its author, if they may ask questions. */
  askQuestion: boolean;
  /** Mark or unmark it as a learner's question: its author or a moderator, either of whom may ask questions. */
  markQuestion: boolean;
  /** Mark the question answered (or not): its asker or a moderator, if they may post. */
  markAnswered: boolean;
}

/** What the viewer may do with one thread, asked by the socket handler and the thread view alike. */
export function threadAbilities(viewer: Viewer, thread: ThreadFacts): ThreadAbilities {
  const author = isAuthor(viewer, thread);
  const moderator = can(viewer.role, 'room.moderate');
  const post = can(viewer.role, 'discussion.post');
  const ask = can(viewer.role, 'question.ask');
  return {
    reply: post && (!thread.locked || moderator),
    lock: moderator,
    askQuestion: ask && author,
    markQuestion: ask && (author || moderator),
    markAnswered: post && (author || moderator),
  };
}
