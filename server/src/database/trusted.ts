import mongoose from 'mongoose';

/**
 * Marks a query operator object written by our own code (`{ $gt: date }`, `{ $in: ids }`) as trusted. mongoose runs
 * with `sanitizeFilter`, which turns any `$`-keyed object inside a filter into an `$eq` match so that operators smuggled
 * in through request data can never act as operators; our own operators must therefore be wrapped in `trusted(...)`.
 */
export const trusted = <T extends object>(operators: T): T => mongoose.trusted(operators) as T;
