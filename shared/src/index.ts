export * from './permissions/capabilities.ts';
export * from './permissions/roles.ts';
export * from './schemas/errors.ts';
export * from './schemas/health.ts';
export * from './paths.ts';
export * from './limits.ts';
