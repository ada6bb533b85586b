import type { Request } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Turns zod issues into `{ fields: { name: message } }` so forms can show errors inline. */
export function validationError(error: z.ZodError, where: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || where;
    const message =
      issue.code === 'unrecognized_keys' ? 'is not a field this request accepts' : issue.message;
    fields[key] ??= message;
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  return new AppError('validation_failed', `The ${where} is not valid: ${summary}`, { fields });
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Parses the JSON body, refusing unknown fields and operator-shaped values. */
export const validateBody = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> =>
  parse(schema, req.body, 'request body');

/** Parses the route parameters. */
export const validateParams = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> =>
  parse(schema, req.params, 'address');

/** Parses the query string. */
export const validateQuery = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> =>
  parse(schema, req.query, 'query string');
