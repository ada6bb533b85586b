import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import type { OriginPolicy } from './originPolicy.ts';
import type { Services } from './services.ts';

/** What every route and socket handler may depend on. */
export interface AppContext {
  env: Env;
  logger: Logger;
  originPolicy: OriginPolicy;
  services: Services;
}
