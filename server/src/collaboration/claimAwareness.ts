import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { CollabConnection } from './CollabConnection.ts';

/** The outcome of checking an awareness update against who owns which client id. */
export type AwarenessClaim =
  | { ok: true; update: Uint8Array | null; clients: number[] }
  | { ok: false; reason: 'foreign-client' | 'too-many-clients' | 'too-large' };

const utf8 = new TextDecoder();

/**
 * Checks an awareness update from `connection` and rewrites it. Stock y-websocket clients echo every state they
 * receive, so an entry the server already has (clock not newer than the server's) is an echo and is skipped. Any
 * other entry must be for a client id this connection owns or may newly claim; a newer entry for a client id another
 * connection owns is a spoof and refuses the whole message, as does any state over `maxStateBytes`. Each kept non-null state gets the server's `user` field.
 * Throws on bytes or JSON that do not parse (the caller closes the socket as malformed).
 */
export function claimAwareness(
  connection: CollabConnection,
  update: Uint8Array,
  owners: ReadonlyMap<number, CollabConnection>,
  knownClock: (client: number) => number | undefined,
  limits: { maxClients: number; maxStateBytes: number },
): AwarenessClaim {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ client: number; clock: number; state: unknown }> = [];
  const newClients = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarUint8Array(decoder);
    if (json.byteLength > limits.maxStateBytes) return { ok: false, reason: 'too-large' };
    const state: unknown = JSON.parse(utf8.decode(json));
    const owner = owners.get(client);
    const known = knownClock(client);
    if (owner === connection) {
      kept.push({ client, clock, state });
      continue;
    }
    if (known !== undefined && clock <= known) continue;
    // A reconnecting tab's old socket may linger: the same session may take its own client id over.
    if (owner && owner.caller.sessionId !== connection.caller.sessionId)
      return { ok: false, reason: 'foreign-client' };
    newClients.add(client);
    kept.push({ client, clock, state });
  }
  if (connection.awarenessClients.size + newClients.size > limits.maxClients)
    return { ok: false, reason: 'too-many-clients' };
  if (kept.length === 0) return { ok: true, update: null, clients: [] };

  const user = connection.awarenessUser;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    const state =
      entry.state === null
        ? null
        : typeof entry.state === 'object' && !Array.isArray(entry.state)
          ? { ...entry.state, user }
          : { user };
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return { ok: true, update: encoding.toUint8Array(encoder), clients: kept.map((entry) => entry.client) };
}
