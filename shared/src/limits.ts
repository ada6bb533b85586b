/**
 * Every size, rate, cap and timing shared by client and server, in one place, so the client can warn before the
 * server refuses and neither side keeps its own copy.
 */

/** Sizes for the HTTP API and accounts. */
export const LIMITS = {
  /** Largest JSON body the HTTP API accepts. */
  httpBodyBytes: 64 * 1024,
  /** Display names and titles. */
  nameLength: 120,
  /** Longer descriptive text such as a community's purpose. */
  textLength: 2000,
  passwordMinLength: 10,
  passwordMaxLength: 200,
  /** How long an emailed password reset link works. */
  passwordResetLinkMinutes: 60,
  /** How long the link that confirms a new email address works. */
  emailChangeLinkHours: 24,
  /** How long the link that verifies the address given at sign-up works. */
  emailVerificationLinkHours: 72,
  /** Email domains one organisation may list. */
  organisationEmailDomains: 10,
} as const;

/** Requests per window that the HTTP API allows, counted across every server instance (sliding windows). */
export const RATE_LIMITS = {
  /** Accounts registered from one address. */
  register: { limit: 10, windowMs: 60 * 60_000 },
  /** Sign-in attempts from one address, right or wrong. */
  signInPerAddress: { limit: 30, windowMs: 15 * 60_000 },
  /** Wrong passwords for one account from one network: the owner's own network is counted apart. */
  wrongPasswordsPerAccountAndNetwork: { limit: 10, windowMs: 15 * 60_000 },
  /** Wrong passwords for one account from everywhere: a backstop against guessing spread over many networks. */
  wrongPasswordsPerAccount: { limit: 100, windowMs: 15 * 60_000 },
  /** Invitations one session may create. */
  invitations: { limit: 50, windowMs: 60 * 60_000 },
  /** Emails telling an address's owner that someone tried to register it, so many tries cannot flood them. */
  registrationNoticesPerAddress: { limit: 3, windowMs: 24 * 60 * 60_000 },
  /** Open-day visits started from one address. */
  visits: { limit: 60, windowMs: 15 * 60_000 },
  /** Mention emails to one person about one room: more mentions meanwhile are in the app and the digest. */
  mentionEmailsPerRoom: { limit: 1, windowMs: 10 * 60_000 },
  /** PDFs one person or visitor may have made (a copy already made for the same content does not count). */
  pdfExportsPerCaller: { limit: 5, windowMs: 10 * 60_000 },
  /** PDFs made for one address, whoever asks. */
  pdfExportsPerAddress: { limit: 20, windowMs: 10 * 60_000 },
} as const;

/** The PDF export queue: Chromium is heavy, so it runs one at a time per instance, shared fairly. */
export const PDF_EXPORT_LIMITS = {
  /** Exports waiting or running on one instance; beyond it the server answers 503 with a retry hint. */
  maxQueued: 5,
  /** Exports one person or visitor may have waiting or running at once, so nobody can fill the queue. */
  maxQueuedPerCaller: 1,
  /** Exports one address may have waiting or running at once: an office behind one address gets more than one. */
  maxQueuedPerAddress: 3,
  /** Finished PDFs kept per instance, reused while the document's content and title are unchanged. */
  cacheEntries: 32,
  /** Total bytes of finished PDFs kept per instance. */
  cacheBytes: 64 * 1024 * 1024,
} as const;

/** Sizes, rates and timings for discussions. */
export const DISCUSSION_LIMITS = {
  /** Longest message body, in characters. */
  messageLength: 5000,
  /** Messages one person may send per minute, counted across every server instance. */
  messagesPerMinute: 30,
  /** Most messages in one page of history (socket join or HTTP). */
  pageSize: 100,
  /** Longest idempotency key a client may attach to a message. */
  clientMessageIdLength: 64,
  /**
   * How often a client may send `typing` while someone writes. The server drops events that come sooner than half of
   * this, which leaves room for network jitter but not for a flood.
   */
  typingIntervalMs: 2000,
  /** How long a typing indicator lasts without a fresh `typing` event; a few intervals, so one lost event is harmless. */
  typingTtlMs: 5000,
  /** Most notifications returned in one page. */
  notificationsPageSize: 50,
} as const;

/**
 * Defaults for the collaboration endpoint's limits. The server reads overrides from its environment (env.ts); the
 * client may use these to warn before the server refuses.
 */
export const COLLAB_LIMITS = {
  /** Largest WebSocket frame the server accepts; bigger frames close the socket with 1009 (messageTooBig). */
  maxFrameBytes: 1024 * 1024,
  /** Sustained document updates per second one connection may send. */
  updatesPerSecond: 60,
  /** Updates one connection may send in a burst above the sustained rate. */
  updateBurst: 300,
  /** Connections that may edit one document at once. */
  maxEditorsPerDocument: 100,
  /** Read-only connections (observers, open-day visitors) one document may hold at once. */
  maxWatchersPerDocument: 1000,
  /** Upgrades from one IP address that may be authenticating at the same time. */
  maxPendingUpgradesPerIp: 20,
  /** How long an upgrade may take to authenticate before the socket is dropped. */
  upgradeTimeoutMs: 10_000,
  /**
   * How long one session's admission to one document is reused for further upgrades (a reconnect burst, many tabs);
   * access changes since the admission still make the new connection re-check at once.
   */
  admissionCacheMs: 5_000,
  /** Encoded size at which a document becomes full and refuses further updates. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /**
   * Connections one session (a browser: one sign-in or one visitor cookie) may hold on one document, as editor or
   * watcher; beyond it the connection is closed with `connectionShare` (4432).
   */
  maxConnectionsPerSession: 5,
  /** Connections one person may hold on one document across all their sessions (devices, browsers). */
  maxConnectionsPerUser: 10,
  /** Connections the visitors admitted by one visitor pass may hold on one document, together. */
  maxConnectionsPerPass: 200,
  /**
   * Share of the editor slots only people who may moderate the room (facilitators) may take, so that they always get
   * in to recover a document however many members are connected.
   */
  facilitatorReserveFraction: 0.1,
  /** Awareness messages per second one connection may send; more are dropped, not relayed. */
  awarenessPerSecond: 20,
  /** Awareness messages one connection may send in a burst above the sustained rate. */
  awarenessBurst: 40,
  /** Largest JSON awareness state one client may publish; a bigger one closes the socket with `tooLarge` (4413). */
  maxAwarenessStateBytes: 8 * 1024,
  /**
   * Deepest nesting of elements the server accepts in a document (the root is depth 0, a paragraph 1); the editor's
   * schema never needs more, and deeper content is refused with `tooDeep` (4422) before it is stored.
   */
  maxNestingDepth: 100,
  /** Awareness client ids one connection may own (a browser tab normally owns one). */
  maxAwarenessClientsPerConnection: 4,
  /** Spoofed awareness messages (another connection's client id) tolerated before the socket is closed. */
  maxAwarenessViolations: 3,
} as const;

/** Sizes, rates and timings for open days (issue 11). */
export const OPEN_DAY_LIMITS = {
  /** Most places one open day may offer. */
  maxCapacity: 500,
  /** The live room opens this long before the start and closes this long after the end. */
  liveMarginMinutes: 30,
  /** How long the after phase (take-back pack, feedback) lasts once the live window closes. */
  afterPhaseDays: 14,
  /** Pre-read documents one open day may list. */
  preReadDocuments: 20,
  /** Longest question a visitor may ask, in characters. */
  questionLength: 500,
  /** Longest answer a host may give, in characters. */
  answerLength: 2000,
  /** Questions one pass may ask per hour, counted across every server instance. */
  questionsPerPassPerHour: 10,
  /** Most questions one open day holds. */
  questionsPerOpenDay: 1000,
  /** Lived-experience presenters one open day may record. */
  presenters: 20,
  /** Longest id of a heading the host may be on. */
  headingIdLength: 100,
  /** Host position updates per second the server accepts from one host socket; more are dropped. */
  hostPositionsPerSecond: 5,
} as const;

/** Requests per window for open-day registration, counted across every server instance (sliding windows). */
export const OPEN_DAY_RATE_LIMITS = {
  /** Registrations (new or repeated) from one network address. */
  registrationsPerIp: { limit: 20, windowMs: 60 * 60_000 },
  /** Registrations for one email address, whichever network they come from: each sends an email. */
  registrationsPerAddress: { limit: 5, windowMs: 60 * 60_000 },
  /** Pass links opened (sessions started) from one network address. */
  passSessionsPerIp: { limit: 60, windowMs: 15 * 60_000 },
  /** Cancellations from one network address. */
  cancellationsPerIp: { limit: 20, windowMs: 60 * 60_000 },
} as const;

/** Sizes and timings for partnerships. */
export const PARTNERSHIP_LIMITS = {
  /** Adaptation entries one PUT may change. */
  adaptationChangesPerRequest: 40,
  /** Milestones one partnership may hold. */
  milestones: 100,
  /** Journey events and reflections returned at once, newest first. */
  pageSize: 200,
  /** A learner's question without an answer for more than this many days is counted as unanswered. */
  unansweredAfterDays: 7,
  /** Default days without two-way contact before both sides are asked for a check-in (QUIET_PARTNERSHIP_DAYS). */
  quietDays: 30,
} as const;
