import { RATE_LIMITS } from '@common-ground/shared';
import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import { claimSlidingSlot } from '../rateLimits/claimSlidingSlot.ts';

const { wrongPasswordsPerAccountAndNetwork: FROM_HERE, wrongPasswordsPerAccount: OVERALL } = RATE_LIMITS;

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
    FROM_HERE.limit,
    FROM_HERE.windowMs,
  );
  if (!fromHere.allowed) throw tooMany(fromHere.retryAfterSeconds);
  const overall = await claimSlidingSlot('login-account', account, OVERALL.limit, OVERALL.windowMs);
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
