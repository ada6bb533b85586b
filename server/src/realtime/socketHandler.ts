import type { z } from 'zod';
import type {
  ClientEvent,
  ClientEventAck,
  ClientEventPayload,
  ClientEventResult,
  SocketErrorDetails,
} from '@common-ground/shared';
import { databaseUnavailable, toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { validationError } from '../middlewares/validate.ts';

/**
 * Wraps a socket event handler: validates the payload with its shared schema, runs it, and answers the ack with
 * `{ ok: true, ...result }` or a typed `{ ok: false, error: { code, message, details } }`, both typed from
 * `ClientToServerEvents`. Nothing a client sends can throw out of a handler. Events that need an answer are ignored
 * when the client gave no callback to answer on.
 */
/**
 * How long an event may take before its sender is told `unavailable`: a database that hangs rather than refusing
 * would otherwise leave the acknowledgement unanswered for as long as the hang lasts. A retry is safe: sends carry
 * an idempotency key.
 */
const EVENT_TIMEOUT_MS = 5_000;

export function socketHandler<E extends ClientEvent>(
  logger: Logger,
  event: E,
  schema: z.ZodType<ClientEventPayload<E>>,
  run: (payload: ClientEventPayload<E>) => Promise<ClientEventResult<E>>,
  options: { ackRequired: boolean } = { ackRequired: true },
): (...args: unknown[]) => void {
  return (...args) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (response: ClientEventAck<E>) => void) : null;
    if (!ack && options.ackRequired) {
      logger.debug({ event }, 'socket event without an acknowledgement callback ignored');
      return;
    }
    const payload = args.length > (ack ? 1 : 0) ? args[0] : undefined;
    void (async () => {
      try {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) throw validationError(parsed.error, 'payload');
        let timer: NodeJS.Timeout | undefined;
        const tooSlow = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(databaseUnavailable()), EVENT_TIMEOUT_MS);
        });
        const result = await Promise.race([run(parsed.data), tooSlow]).finally(() => clearTimeout(timer));
        ack?.({ ok: true, ...result } as ClientEventAck<E>);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) logger.error({ err: error, event }, 'socket event failed');
        const details = appError.details as SocketErrorDetails | undefined;
        ack?.({
          ok: false,
          error: { code: appError.code, message: appError.message, ...(details ? { details } : {}) },
        } as ClientEventAck<E>);
      }
    })();
  };
}
