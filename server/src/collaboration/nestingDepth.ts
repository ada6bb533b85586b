import * as Y from 'yjs';

type AnyType = Y.AbstractType<unknown>;

/**
 * Whether a transaction nested any content deeper than `maxDepth` (a root type is depth 0, a paragraph in the body 1,
 * its text 2). Only what the transaction inserted is walked, without recursion: for each type that gained children,
 * its own depth (walked up, at most `maxDepth` steps) and then the new items below it.
 */
export function nestsDeeperThan(transaction: Y.Transaction, maxDepth: number): boolean {
  const isNew = (item: Y.Item): boolean =>
    item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  for (const changed of transaction.changed.keys()) {
    const base = depthOf(changed as AnyType, maxDepth);
    if (base > maxDepth) return true;
    const stack: Array<[AnyType, number]> = [[changed as AnyType, base]];
    while (stack.length) {
      const [type, depth] = stack.pop()!;
      for (const item of childItems(type)) {
        if (item.deleted || !isNew(item) || !(item.content instanceof Y.ContentType)) continue;
        if (depth + 1 > maxDepth) return true;
        stack.push([item.content.type as AnyType, depth + 1]);
      }
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

function* childItems(type: AnyType): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) yield item;
  for (const item of type._map.values()) yield item;
}
