import * as Y from 'yjs';

/**
 * The part of `update` the document does not have yet, or null when it adds nothing (no unknown structs and no
 * deletions beyond those already applied). Used for sync step 2, which repeats everything a client knows.
 */
export function newOperations(doc: Y.Doc, update: Uint8Array): Uint8Array | null {
  const known = Y.encodeStateVector(doc);
  const knownClocks = Y.decodeStateVector(known);
  // parseUpdateMeta, not encodeStateVectorFromUpdate: a sync step 2 starts at our clocks, not at zero, and a state
  // vector only counts structs contiguous from zero.
  const { to } = Y.parseUpdateMeta(update);
  let hasNewStructs = false;
  for (const [client, clock] of to) if (clock > (knownClocks.get(client) ?? 0)) hasNewStructs = true;
  if (!hasNewStructs && !hasNewDeletions(doc, update)) return null;
  return Y.diffUpdate(update, known);
}

function hasNewDeletions(doc: Y.Doc, update: Uint8Array): boolean {
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const applied = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const have = applied.clients.get(client) ?? [];
    for (const range of ranges) {
      const covered = have.some(
        (item) => item.clock <= range.clock && range.clock + range.len <= item.clock + item.len,
      );
      if (!covered) return true;
    }
  }
  return false;
}
