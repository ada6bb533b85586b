/** Sizes and rates for discussions, shared so the client can warn before the server refuses. */
export const DISCUSSION_LIMITS = {
  /** Longest message body, in characters. */
  messageLength: 5000,
  /** Messages one person may send per minute, counted across every server instance. */
  messagesPerMinute: 30,
  /** Most messages in one page of history (socket join or HTTP). */
  pageSize: 100,
  /** Longest idempotency key a client may attach to a message. */
  clientMessageIdLength: 64,
  /** How long a typing indicator lasts without a fresh `typing` event, in milliseconds. */
  typingTtlMs: 5000,
  /** Most notifications returned in one page. */
  notificationsPageSize: 50,
} as const;
