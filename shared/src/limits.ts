/** Sizes, rates and caps shared by client and server, so the client can warn before the server refuses. */
export const LIMITS = {
  /** Largest JSON body the HTTP API accepts. */
  httpBodyBytes: 64 * 1024,
  /** Display names and titles. */
  nameLength: 120,
  /** Longer descriptive text such as a community's purpose. */
  textLength: 2000,
  passwordMinLength: 10,
  passwordMaxLength: 200,
} as const;
