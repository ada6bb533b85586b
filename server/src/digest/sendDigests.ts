import { MembershipModel } from '../models/Membership.ts';
import { UserModel } from '../models/User.ts';
import { buildDigest } from './buildDigest.ts';
import type { DigestTransport } from './DigestTransport.ts';
import { trusted } from '../database/trusted.ts';

/** Builds and sends a digest to every community member who has something new; returns how many were sent. */
export async function sendDigests(transport: DigestTransport, now = new Date()): Promise<number> {
  const userIds = await MembershipModel.distinct('userId');
  let sent = 0;
  for (const user of await UserModel.find(
    { _id: trusted({ $in: userIds }) },
    { email: 1, displayName: 1 },
  ).lean()) {
    const digest = await buildDigest(String(user._id), now);
    if (digest.rooms.length === 0) continue;
    await transport.send(
      { userId: String(user._id), email: user.email, displayName: user.displayName },
      digest,
    );
    sent++;
  }
  return sent;
}
