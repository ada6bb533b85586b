/** Resolves as `work` does, or rejects once `ms` have passed, naming `what` overran: a wedged run cannot hold a bench. */
export function withTimeout<T>(work: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} exceeded ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
