import { z } from 'zod';
import { COLLAB_LIMITS, PARTNERSHIP_LIMITS } from '@common-ground/shared';

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every setting the server reads from the environment, one line each on what it is for. */
const envSchema = z
  .object({
    /** development | production | test: controls log format and cookie defaults. */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Port for the API, both sockets and the built client. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to listen on. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** MongoDB connection string; when unset a local database is started with its data in DATA_DIR. */
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    /** Folder for the local database's data when MONGODB_URI is unset. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** How long start-up waits for the database before giving up, in milliseconds. */
    DATABASE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Redis shared by every instance (redis:// or rediss://); unset for a single instance, which needs no Redis. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    /** The public origin users reach this server on (for links and the Origin check), e.g. https://cop.example.gov.uk. */
    PUBLIC_ORIGIN: z.url().optional(),
    /** Extra origins allowed to make state-changing requests and open sockets, comma-separated. */
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url())),
    /** Set when running behind a reverse proxy that terminates TLS (sets Express "trust proxy"). */
    TRUST_PROXY: booleanString.default(false),
    /** Minutes of inactivity after which a session ends. */
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(60 * 8),
    /** Hours after sign-in at which a session ends regardless of activity. */
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .positive()
      .default(24 * 7),
    /** Seconds between checks that an open socket's session still exists (catches idle expiry and removals). */
    SESSION_RECHECK_SECONDS: z.coerce.number().int().positive().default(30),
    /** Folder holding the built client; the server serves it when present. */
    CLIENT_DIST: z.string().default(''),
    /** Turns off rate limits (only for load benchmarks on a private machine). */
    DISABLE_RATE_LIMITS: booleanString.default(false),
    /** Largest collaboration WebSocket frame in bytes; bigger frames close that socket. */
    COLLAB_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(COLLAB_LIMITS.maxFrameBytes),
    /** Sustained document updates per second per collaboration connection (above the burst, the socket is closed). */
    COLLAB_UPDATES_PER_SECOND: z.coerce.number().positive().default(COLLAB_LIMITS.updatesPerSecond),
    /** Updates a collaboration connection may send in a burst above the sustained rate. */
    COLLAB_UPDATE_BURST: z.coerce.number().int().positive().default(COLLAB_LIMITS.updateBurst),
    /** Editing connections one document accepts at once. */
    COLLAB_MAX_EDITORS_PER_DOCUMENT: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxEditorsPerDocument),
    /** Read-only connections (observers, visitors) one document accepts at once. */
    COLLAB_MAX_WATCHERS_PER_DOCUMENT: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxWatchersPerDocument),
    /** Collaboration upgrades one IP may have authenticating at once. */
    COLLAB_MAX_PENDING_UPGRADES_PER_IP: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxPendingUpgradesPerIp),
    /** Collaboration connections one session may hold on one document (its fair share; beyond it, 4432). */
    COLLAB_MAX_CONNECTIONS_PER_SESSION: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxConnectionsPerSession),
    /** Collaboration connections one person may hold on one document across their sessions. */
    COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxConnectionsPerUser),
    /** Collaboration connections the visitors of one visitor pass may hold on one document together. */
    COLLAB_MAX_CONNECTIONS_PER_PASS: z.coerce
      .number()
      .int()
      .positive()
      .default(COLLAB_LIMITS.maxConnectionsPerPass),
    /** Size cap of one document's encoded state in bytes; at the cap the document refuses further updates. */
    COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).default(COLLAB_LIMITS.maxDocumentBytes),
    /** Milliseconds a document without connections stays loaded before a final flush and unload. */
    COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
    /** A collaboration socket sent nothing for this long gets a no-op, so stock clients (30 s timeout) stay connected. */
    COLLAB_KEEPALIVE_MS: z.coerce.number().int().min(100).max(17_000).default(15_000),
    /** Log entries after which a document's update log is compacted into a snapshot. */
    COLLAB_COMPACT_EVERY_UPDATES: z.coerce.number().int().positive().default(500),
    /** Test only: milliseconds to wait before each collaboration log write, widening the window a crash can hit. */
    COLLAB_TEST_WRITE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(0),
    /** SMTP server for email (smtp://user:pass@host:port or smtps://…); with MAIL_FROM it selects SMTP. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** The From of every email sent over SMTP, e.g. "Common Ground <no-reply@cop.example.gov.uk>". */
    MAIL_FROM: z.string().min(3).optional(),
    /** GOV.UK Notify API key; selects Notify for email (it needs NOTIFY_TEMPLATE_ID). */
    NOTIFY_API_KEY: z
      .string()
      .regex(/.-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'must be a GOV.UK Notify API key (name-service id-secret)')
      .optional(),
    /** The Notify email template every message goes through: subject ((subject)), body ((body)). */
    NOTIFY_TEMPLATE_ID: z.uuid().optional(),
    /** Notify's API address; unset for GOV.UK Notify itself (tests point it at a local server). */
    NOTIFY_BASE_URL: z.url().optional(),
    /** Hour of the day (UK time) from which daily digests are due, and weekly ones on Mondays. */
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    /** Seconds between each instance's checks for digests due; 0 turns the schedule off (default 300, 0 in tests). */
    DIGEST_CHECK_SECONDS: z.coerce.number().int().min(0).optional(),
    /** OpenID Connect provider for single sign-on, e.g. https://login.microsoftonline.com/<tenant>/v2.0; unset: none. */
    OIDC_ISSUER: z.url().optional(),
    /** The client id this service is registered under at the OpenID Connect provider. */
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** The client secret from the provider (confidential client: the code is exchanged server to server). */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /**
     * Comma-separated email domains that may sign in by single sign-on, whose addresses the provider vouches for (e.g.
     * a tenant's own domains); empty: any domain, but an address only counts as verified if the provider says so.
     */
    OIDC_ALLOWED_DOMAINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((domain) => domain.trim().toLowerCase())
          .filter(Boolean),
      ),
    /** The words on the sign-in page's single sign-on button. */
    OIDC_BUTTON_LABEL: z.string().min(1).max(80).default('Sign in with your organisation'),
    /** Log bytes after which a document's update log is compacted into a snapshot. */
    COLLAB_COMPACT_EVERY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
  })
  .extend({
    /** Days without two-way contact after which a partnership's people are asked for a check-in (facilitators at twice). */
    QUIET_PARTNERSHIP_DAYS: z.coerce.number().int().positive().max(365).default(PARTNERSHIP_LIMITS.quietDays),
  })
  .superRefine((env, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (env.SMTP_URL && !env.MAIL_FROM) problem('MAIL_FROM', 'is needed with SMTP_URL');
    if (env.NOTIFY_API_KEY && !env.NOTIFY_TEMPLATE_ID)
      problem('NOTIFY_TEMPLATE_ID', 'is needed with NOTIFY_API_KEY');
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) problem('OIDC_CLIENT_ID', 'is needed with OIDC_ISSUER');
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET)
      problem('OIDC_CLIENT_SECRET', 'is needed with OIDC_ISSUER');
    if (env.SMTP_URL && env.NOTIFY_API_KEY)
      problem('NOTIFY_API_KEY', 'set either SMTP_URL or NOTIFY_API_KEY, not both');
  });

/** Parsed configuration. */
export type Env = z.infer<typeof envSchema>;

/** Parses the environment, returning every problem at once rather than the first. */
export function parseEnv(
  source: NodeJS.ProcessEnv,
): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}

/** Reads the environment once at boot; exits listing every problem when it is invalid. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = parseEnv(source);
  if (parsed.ok) return parsed.env;
  process.stderr.write(
    `Invalid environment (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}):\n` +
      parsed.problems.map((problem) => `  - ${problem}\n`).join(''),
  );
  process.exit(78);
}
