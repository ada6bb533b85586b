import { displayNameSchema, emailDomainOf, LIMITS } from '@common-ground/shared';
import { hashPassword } from '../../auth/passwords.ts';
import type { ProviderIdentity } from '../../auth/singleSignOn/OidcSignIn.ts';
import { newToken } from '../../auth/tokens.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AppError } from '../../errors.ts';
import { SingleSignOnLinkModel } from '../../models/SingleSignOnLink.ts';
import { UserModel } from '../../models/User.ts';
import { markEmailVerified } from './emailVerifier.ts';

/** Why a single sign-on was refused, as the sign-in page explains it. */
export type SingleSignOnRefusal = 'no-email' | 'domain-not-allowed' | 'email-not-verified';

/** A refused single sign-on, with the reason the sign-in page shows. */
export class SingleSignOnRefused extends AppError {
  constructor(readonly reason: SingleSignOnRefusal) {
    super('forbidden', `Single sign-on refused: ${reason}`);
  }
}

/**
 * Finds or makes the account a provider identity signs in to. The rule, which guards against taking over accounts:
 *
 * 1. An identity (issuer + subject) that signed in before signs in to the account it is linked to.
 * 2. With OIDC_ALLOWED_DOMAINS set, only addresses at those domains may sign in this way, and the provider is trusted
 *    for them (an organisation's own tenant); otherwise an address counts as verified only if the provider says
 *    `email_verified: true`.
 * 3. A first sign-in needs a verified address by that rule, whether or not an account has it. Linking on an
 *    unverified address would let anyone able to claim that address at some provider take the account; making a new
 *    account on one would let them sit on an address before its owner arrives, and keep signing in to it by the
 *    provider after the owner reset its password. Refused, the person signs in (or registers) with a password.
 * 4. A verified address that has an account links to it; one that has none makes a new account, verified, with an
 *    unusable random password (a reset link sets a real one).
 * 5. Linking to an account whose address was never verified means whoever registered it may not be the address's
 *    owner (who has just proved it): its password is replaced by an unusable one and `squatted` is returned, so the
 *    caller ends its sessions. The owner can set a password by a reset link.
 */
export async function linkSingleSignOn(
  identity: ProviderIdentity,
  allowedDomains: readonly string[],
): Promise<{ userId: string; created: boolean; linked: boolean; newlyVerified: boolean; squatted: boolean }> {
  const key = `${identity.issuer} ${identity.subject}`;
  const known = await SingleSignOnLinkModel.findById(key).lean();
  if (known && (await UserModel.exists({ _id: known.userId })))
    return {
      userId: String(known.userId),
      created: false,
      linked: false,
      newlyVerified: false,
      squatted: false,
    };

  const email = identity.email;
  if (!email || !email.includes('@')) throw new SingleSignOnRefused('no-email');
  const domain = emailDomainOf(email);
  if (allowedDomains.length && !allowedDomains.includes(domain))
    throw new SingleSignOnRefused('domain-not-allowed');
  const verified = identity.emailVerified || allowedDomains.includes(domain);

  type Found = { _id: unknown; emailVerifiedAt?: Date | null } | null;
  if (!verified) throw new SingleSignOnRefused('email-not-verified');
  let user: Found = await UserModel.findOne({ email }, { _id: 1, emailVerifiedAt: 1 }).lean();
  let created = false;
  if (!user) {
    try {
      const made = await UserModel.create({
        email,
        displayName: displayNameFrom(identity.name, email),
        passwordHash: await hashPassword(newToken()),
        emailVerifiedAt: new Date(),
      });
      user = { _id: made._id, emailVerifiedAt: made.emailVerifiedAt };
      created = true;
    } catch (error) {
      // Someone registered the address meanwhile: it is verified, so it links as an existing account would.
      if (!isDuplicateKey(error)) throw error;
      user = await UserModel.findOne({ email }, { _id: 1, emailVerifiedAt: 1 }).lean();
      if (!user) throw error;
    }
  }
  if (!user) throw new Error('unreachable: an account was found or made');
  const userId = String(user._id);
  const newlyVerified = !user.emailVerifiedAt && !created;
  if (newlyVerified) {
    await UserModel.updateOne({ _id: userId }, { $set: { passwordHash: await hashPassword(newToken()) } });
    await markEmailVerified(userId);
  }
  try {
    await SingleSignOnLinkModel.create({ _id: key, userId, email });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return {
    userId,
    created,
    linked: !created,
    newlyVerified: newlyVerified || created,
    squatted: newlyVerified,
  };
}

/** A display name from the provider's `name`, cleaned as any name is; never one that wears a role. */
function displayNameFrom(name: string | null, email: string): string {
  const given = displayNameSchema.safeParse((name ?? '').slice(0, LIMITS.nameLength));
  if (given.success) return given.data;
  const local = displayNameSchema.safeParse(email.slice(0, email.indexOf('@')).slice(0, LIMITS.nameLength));
  return local.success ? local.data : 'New member';
}
