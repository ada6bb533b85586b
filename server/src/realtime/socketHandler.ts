import type { z } from 'zod';
import type { AckResponse } from '@common-ground/shared';
import { toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { validationError } from '../middlewares/validate.ts';

type AnyAck = (response: AckResponse) => void;

/**
 * Wraps a socket event handler: validates the payload with its shared schema, runs it, and answers the ack with
 * `{ ok: true, ...result }` or a typed `{ ok: false, error }`. Nothing a client sends can throw out of a handler.
 * Events that need an answer are ignored when the client gave no callback to answer on.
 */
export function socketHandler<S extends z.ZodType, R extends object>(
  logger: Logger,
  event: string,
  schema: S,
  run: (payload: z.infer<S>) => Promise<R>,
  options: { ackRequired: boolean } = { ackRequired: true },
): (...args: unknown[]) => void {
  return (...args) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as AnyAck) : null;
    if (!ack && options.ackRequired) {
      logger.debug({ event }, 'socket event without an acknowledgement callback ignored');
      return;
    }
    const payload = args.length > (ack ? 1 : 0) ? args[0] : undefined;
    void (async () => {
      try {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) throw validationError(parsed.error, 'payload');
        const result = await run(parsed.data);
        ack?.({ ok: true, ...result });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) logger.error({ err: error, event }, 'socket event failed');
        ack?.({ ok: false, error: { code: appError.code, message: appError.message } });
      }
    })();
  };
}
