import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * An update that nests `levels` blockquotes in the body with a paragraph of `text` at the bottom. Built one level at
 * a time into integrated types, since Yjs inserts prelim content recursively and would overflow the stack itself.
 */
export function nestedBlockquotes(levels: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment = doc.getXmlFragment('content');
    for (let level = 0; level < levels; level += 1) {
      parent.insert(0, [new Y.XmlElement('blockquote')]);
      parent = parent.get(0) as Y.XmlElement;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * An update that passes `Y.decodeUpdate` but throws when applied: one string item whose origin is a later clock of
 * its own client, which Yjs does not treat as a missing dependency.
 */
export function poisonedUpdate(client = 9_999_999): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, 0);
  encoder.writeInfo(0x80 | 4);
  encoder.writeLeftID(Y.createID(client, 50));
  encoder.writeString('poison');
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
