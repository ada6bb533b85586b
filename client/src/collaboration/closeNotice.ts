import { CLOSE_CODES } from '@common-ground/shared';

/**
 * Plain-language words for a collaboration close code the person can act on, or null for codes that need no words
 * (a normal close, a restart) or already have their own notice (full, no access).
 */
export function closeNotice(code: number): string | null {
  switch (code) {
    case CLOSE_CODES.connectionShare:
      return 'This document is open in too many of your tabs or devices. Close one of them, then reload this page.';
    case CLOSE_CODES.tooDeep:
      return 'Your last change was not saved: it put lists or quotes inside each other too many times. Reload the page, then use fewer levels.';
    case CLOSE_CODES.malformed:
      return 'Your last change could not be read by the server and was not saved. Reload the page to carry on.';
    case CLOSE_CODES.tooLarge:
      return 'Your browser sent too much information about where you are in the document. Reload the page to carry on.';
    case CLOSE_CODES.roomFull:
      return 'Too many people have this document open right now. Try again in a few minutes.';
    case CLOSE_CODES.documentFull:
      return 'The document is full: your last change was not saved. Remove some content, or ask a facilitator to restore an earlier version.';
    case CLOSE_CODES.rateLimited:
      return 'Changes arrived faster than the server accepts. Reload the page to carry on.';
    default:
      return null;
  }
}
