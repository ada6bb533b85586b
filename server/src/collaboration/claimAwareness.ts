import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { CollabConnection } from './CollabConnection.ts';

/** The outcome of checking an awareness update against who owns which client id. */
export type AwarenessClaim =
  | { ok: true; update: Uint8Array; clients: number[] }
  | { ok: false; reason: 'foreign-client' | 'too-many-clients' };

/**
 * Checks an awareness update from `connection` and rewrites it: every entry must be for a client id this connection
 * owns or may newly claim, and each non-null state gets the server's `user` field in place of the client's.
 * Throws on bytes or JSON that do not parse (the caller closes the socket as malformed).
 */
export function claimAwareness(
  connection: CollabConnection,
  update: Uint8Array,
  owners: ReadonlyMap<number, CollabConnection>,
  maxClients: number,
): AwarenessClaim {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ client: number; clock: number; state: unknown }> = [];
  const newClients = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    const owner = owners.get(client);
    // A reconnecting tab's old socket may linger: the same session may take its own client id over.
    if (owner && owner !== connection && owner.caller.sessionId !== connection.caller.sessionId)
      return { ok: false, reason: 'foreign-client' };
    if (!connection.awarenessClients.has(client)) newClients.add(client);
    entries.push({ client, clock, state });
  }
  if (connection.awarenessClients.size + newClients.size > maxClients)
    return { ok: false, reason: 'too-many-clients' };

  const user = connection.awarenessUser;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    const state =
      entry.state !== null && typeof entry.state === 'object' && !Array.isArray(entry.state)
        ? { ...entry.state, user }
        : entry.state === null
          ? null
          : { user };
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return { ok: true, update: encoding.toUint8Array(encoder), clients: entries.map((entry) => entry.client) };
}
