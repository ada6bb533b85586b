import type { ErrorBody, ErrorCode } from '@common-ground/shared';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  origin_refused: 403,
  unavailable: 503,
  mail_not_configured: 503,
  wrong_phase: 409,
  ground_rules: 403,
  internal: 500,
};

/** The one error type: a code the client can act on, a message a person can read, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = details;
  }

  /** The JSON shape sent over HTTP and in socket acknowledgements. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Seconds a client should wait before retrying while the database is out of reach. */
export const DATABASE_RETRY_SECONDS = 5;

/** The refusal sent while the database is out of reach: a code to act on and when to try again. */
export const databaseUnavailable = (): AppError =>
  new AppError('unavailable', 'We cannot reach our database just now. Try again in a few seconds.', {
    retryAfterSeconds: DATABASE_RETRY_SECONDS,
  });

// The MongoDB driver's and mongoose's names for "the database did not answer or could not be reached".
const DATABASE_OUTAGE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoWaitQueueTimeoutError',
]);

/** Whether an error says the database is out of reach (refusing, gone or not answering), not that a query failed. */
export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (DATABASE_OUTAGE_ERRORS.has(error.name)) return true;
  // mongoose, with no connection, times out its buffered operations with a plain error.
  return /buffering timed out/.test(error.message);
}

/** Turns anything thrown into an AppError, hiding internals of unexpected failures. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseOutage(error)) return databaseUnavailable();
  return new AppError('internal', 'Something went wrong on our side. Please try again.');
}
