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
  /** Open-day visits started from one address. */
  visits: { limit: 60, windowMs: 15 * 60_000 },
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
