/** Whether a database error is a unique-index violation (MongoDB and FerretDB both answer 11000). */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 11000 || code === 11001;
}
