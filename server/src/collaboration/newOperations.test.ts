import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newOperations } from './newOperations.ts';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('newOperations', () => {
  it('finds new structs in a sync step 2 that starts at the server’s clocks rather than zero', () => {
    const server = docWith('hello');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(5, ' world');
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    const found = newOperations(server, step2);
    expect(found).not.toBeNull();
    Y.applyUpdate(server, found!);
    expect(server.getText('t').toString()).toBe('hello world');
  });

  it('finds deletions the server has not applied, and nothing in a step 2 it already has', () => {
    const server = docWith('hello');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(newOperations(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBeNull();
    client.getText('t').delete(0, 1);
    const found = newOperations(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    Y.applyUpdate(server, found!);
    expect(server.getText('t').toString()).toBe('ello');
    expect(newOperations(server, Y.encodeStateAsUpdate(client))).toBeNull();
  });
});
