import * as Y from 'yjs';

type AnyType = Y.AbstractType<unknown>;

/**
 * Whether a transaction nested any content deeper than `maxDepth` (a root type is depth 0, a paragraph in the body 1,
 * its text 2), or changed content that already sits deeper. Only the structs the transaction added are visited (from
 * each client's clock before it to its clock after), so the cost follows the size of the update, never the size of
 * the document; each new type is measured by walking up at most `maxDepth + 1` steps.
 */
export function nestsDeeperThan(transaction: Y.Transaction, maxDepth: number): boolean {
  for (const changed of transaction.changed.keys())
    if (depthOf(changed as AnyType, maxDepth) > maxDepth) return true;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client);
    if (!structs) continue;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index += 1) {
      const struct = structs[index]!;
      if (struct.id.clock < before || !(struct instanceof Y.Item) || struct.deleted) continue;
      if (
        struct.content instanceof Y.ContentType &&
        depthOf(struct.content.type as AnyType, maxDepth) > maxDepth
      )
        return true;
    }
  }
  return false;
}

/** How deep a type sits, counting up to `maxDepth + 1` at most. */
function depthOf(type: AnyType, maxDepth: number): number {
  let depth = 0;
  let current: AnyType | null = type;
  while (current?._item && depth <= maxDepth) {
    depth += 1;
    current = current._item.parent as AnyType | null;
  }
  return depth;
}
