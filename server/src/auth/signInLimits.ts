import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import { claimSlidingSlot } from '../rateLimits/claimSlidingSlot.ts';

const WINDOW_MS = 15 * 60_000;
/** Wrong passwords one network may try for one account in any 15 minutes: the owner's own network is counted apart. */
const PER_ACCOUNT_AND_IP = 10;
/** Wrong passwords for one account from everywhere together: a backstop against guessing spread over many networks. */
const PER_ACCOUNT = 100;

/**
 * Claims a sign-in attempt for an account from one address before the password is checked, so concurrent guesses are
 * counted too. `succeeded()` gives the places back: only wrong passwords count. Someone guessing from elsewhere can
 * therefore never lock the owner out from their own network, short of the much larger per-account backstop.
 */
export async function claimSignInAttempt(
  env: Pick<Env, 'DISABLE_RATE_LIMITS'>,
  email: string,
  ip: string,
): Promise<{ succeeded(): Promise<void> }> {
  if (env.DISABLE_RATE_LIMITS) return { succeeded: async () => undefined };
  const account = email.trim().toLowerCase();
  const fromHere = await claimSlidingSlot(
    'login-account-ip',
    `${account}|${ip}`,
    PER_ACCOUNT_AND_IP,
    WINDOW_MS,
  );
  if (!fromHere.allowed) throw tooMany(fromHere.retryAfterSeconds);
  const overall = await claimSlidingSlot('login-account', account, PER_ACCOUNT, WINDOW_MS);
  if (!overall.allowed) {
    await fromHere.release();
    throw tooMany(overall.retryAfterSeconds);
  }
  return {
    succeeded: async () => {
      await Promise.all([fromHere.release(), overall.release()]);
    },
  };
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', 'Too many attempts. Please wait and try again.', { retryAfterSeconds });
}
