import type { QuestionStatus } from '@common-ground/shared';

/** What a question's status means, in words for its asker and for hosts. */
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  pending: 'Waiting for the host',
  approved: 'Approved',
  answered: 'Answered',
  rejected: 'Not taken up',
  merged: 'Merged with a similar question',
};
