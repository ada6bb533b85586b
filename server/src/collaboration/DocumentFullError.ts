import { AppError } from '../errors.ts';

/** A change refused because the document is at its size cap; routes answer 409 with this message. */
export class DocumentFullError extends AppError {
  constructor() {
    super('conflict', 'The document is full, so this change cannot be added to it.');
    this.name = 'DocumentFullError';
  }
}

/** A server-made change refused because it cannot be applied or nests content too deeply; routes answer 409. */
export class RefusedChangeError extends AppError {
  constructor(reason: string) {
    super('conflict', `The document refused this change: ${reason}.`);
    this.name = 'RefusedChangeError';
  }
}
