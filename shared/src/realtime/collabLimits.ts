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
  /** Awareness client ids one connection may own (a browser tab normally owns one). */
  maxAwarenessClientsPerConnection: 4,
  /** Spoofed awareness messages (another connection's client id) tolerated before the socket is closed. */
  maxAwarenessViolations: 3,
} as const;
