import { UserModel } from '../models/User.ts';

/** Makes the account with this address a platform administrator, or stops it being one; false when none has it. */
export async function setPlatformAdmin(email: string, platformAdmin: boolean): Promise<boolean> {
  const result = await UserModel.updateOne(
    { email: email.trim().toLowerCase() },
    { $set: { platformAdmin } },
  );
  return result.matchedCount === 1;
}
