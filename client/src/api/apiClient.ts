import { errorBodySchema, type ErrorCode } from '@common-ground/shared';
import type { z } from 'zod';

/** An error the API answered with, carrying its code so pages can react to it. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode | 'network', message: string, status: number, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Field errors from a `validation_failed` response, keyed by field name. */
  fieldErrors(): Record<string, string> {
    const fields = (this.details as { fields?: Record<string, string> } | undefined)?.fields;
    return fields ?? {};
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API and parses the answer with the shared schema, so a contract drift fails loudly here. */
export async function apiRequest<T extends z.ZodType>(
  method: Method,
  path: string,
  options: { body?: unknown; schema: T; allowStatus?: number[] },
): Promise<z.infer<T>>;
export async function apiRequest(method: Method, path: string, options?: { body?: unknown }): Promise<void>;
export async function apiRequest(
  method: Method,
  path: string,
  options: { body?: unknown; schema?: z.ZodType; allowStatus?: number[] } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError('network', 'We could not reach the server. Check your connection and try again.', 0);
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok && !options.allowStatus?.includes(response.status)) {
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError('internal', `The server answered ${response.status}.`, response.status);
  }
  return options.schema ? options.schema.parse(json) : undefined;
}
