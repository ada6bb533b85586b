import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { ServerSecretModel } from '../models/ServerSecret.ts';

const cache = new Map<string, Promise<Buffer>>();

async function loadOrCreate(name: string): Promise<Buffer> {
  const existing = await ServerSecretModel.findById(name).lean();
  if (existing) return Buffer.from(existing.value, 'base64url');
  try {
    await ServerSecretModel.create({ _id: name, value: randomBytes(32).toString('base64url') });
  } catch (error) {
    // Another instance made it first: its secret is the one everybody uses.
    if (!isDuplicateKey(error)) throw error;
  }
  const winner = await ServerSecretModel.findById(name).lean();
  if (!winner) throw new Error(`server secret ${name} vanished`);
  return Buffer.from(winner.value, 'base64url');
}

/** The deployment's secret for one purpose, made at first use and then kept in memory. */
export function serverSecret(name: string): Promise<Buffer> {
  let secret = cache.get(name);
  if (!secret) {
    secret = loadOrCreate(name);
    cache.set(name, secret);
    secret.catch(() => cache.delete(name));
  }
  return secret;
}
