import type { AccessEvents } from '../../access/AccessEvents.ts';
import type { UserCaller } from '../../auth/Caller.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { AppError } from '../../errors.ts';
import { UserModel } from '../../models/User.ts';
import { withdrawAccountTokens } from './accountTokens.ts';
import { endUserSessions } from './userSessionsEnder.ts';

/** Checks a signed-in person's current password, or refuses with a field error on it. */
export async function checkCurrentPassword(
  caller: UserCaller,
  password: string,
  field: string,
): Promise<void> {
  const user = await UserModel.findById(caller.user.id, { passwordHash: 1 }).lean();
  if (!user || !(await verifyPassword(password, user.passwordHash)))
    throw new AppError('forbidden', 'Your password is not right.', {
      fields: { [field]: 'Your password is not right' },
    });
}

/** Changes the caller's password; every other session of theirs ends, this one stays signed in. */
export async function changePassword(
  accessEvents: AccessEvents,
  caller: UserCaller,
  currentPassword: string,
  newPassword: string,
): Promise<number> {
  await checkCurrentPassword(caller, currentPassword, 'currentPassword');
  await UserModel.updateOne(
    { _id: caller.user.id },
    { $set: { passwordHash: await hashPassword(newPassword) } },
  );
  await withdrawAccountTokens('password-reset', caller.user.id);
  return endUserSessions(accessEvents, caller.user.id, caller.sessionId);
}
