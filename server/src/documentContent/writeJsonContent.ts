import * as Y from 'yjs';

/** ProseMirror JSON as Tiptap's `editor.getJSON()` produces it. */
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/**
 * Appends ProseMirror JSON to a Y.XmlFragment in the shape y-prosemirror writes (elements named after nodes,
 * marks as text formatting attributes), so server code and tests can produce content a Tiptap client reads.
 */
export function writeJsonContent(fragment: Y.XmlFragment | Y.XmlElement, nodes: JsonNode[]): void {
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  let text: Y.XmlText | null = null;
  const pendingText: { insert: string; attributes?: Record<string, unknown> }[] = [];
  const flush = (): void => {
    if (!text) return;
    const target = text;
    text = null;
    const ops = pendingText.splice(0);
    children.push(target);
    deferred.push(() => target.applyDelta(ops));
  };
  const deferred: (() => void)[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      text ??= new Y.XmlText();
      const attributes: Record<string, unknown> = {};
      for (const mark of node.marks ?? []) attributes[mark.type] = mark.attrs ?? {};
      pendingText.push({ insert: node.text ?? '', ...(node.marks?.length ? { attributes } : {}) });
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    children.push(element);
    if (node.content?.length) {
      const content = node.content;
      deferred.push(() => writeJsonContent(element, content));
    }
  }
  flush();
  // Yjs types can only be filled once they are part of a document, so children are inserted first.
  fragment.insert(fragment.length, children);
  for (const fill of deferred) fill();
}
