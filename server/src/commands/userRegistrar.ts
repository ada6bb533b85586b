import type { RegisterBody } from '@common-ground/shared';
import { hashPassword } from '../auth/passwords.ts';
import { AppError } from '../errors.ts';
import { UserModel, type UserRecord } from '../models/User.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

/**
 * Creates an account; an email already registered is a 409 (the registration contract), after `onEmailTaken` has
 * run so that the address's owner can be told someone tried.
 */
export async function registerUser(
  body: RegisterBody,
  onEmailTaken: (email: string) => void = () => undefined,
): Promise<UserRecord> {
  const passwordHash = await hashPassword(body.password);
  try {
    return await UserModel.create({ email: body.email, displayName: body.displayName, passwordHash });
  } catch (error) {
    if (isDuplicateKey(error)) {
      onEmailTaken(body.email);
      throw new AppError('conflict', 'An account with that email address already exists. Sign in instead.', {
        fields: { email: 'An account with that email address already exists' },
      });
    }
    throw error;
  }
}
