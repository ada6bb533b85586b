import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { COLLAB_MESSAGE } from '@common-ground/shared';
import { encodeTypeOnly, parseStatus, readVarString, readVarUint } from './collabWire.ts';

describe('collabWire reads what lib0 writes', () => {
  it('round-trips varints and strings the way the server encodes saved and status messages', () => {
    for (const value of [0, 1, 127, 128, 300, 16_384, 2 ** 31 + 5]) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, COLLAB_MESSAGE.saved);
      encoding.writeVarUint(encoder, value);
      const decoder = { arr: encoding.toUint8Array(encoder), pos: 0 };
      expect(readVarUint(decoder)).toBe(COLLAB_MESSAGE.saved);
      expect(readVarUint(decoder)).toBe(value);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, '{"access":"view","storage":"ok","watchers":3,"note":"é"}');
    const json = readVarString({ arr: encoding.toUint8Array(encoder), pos: 0 });
    expect(parseStatus(json)).toEqual({ access: 'view', storage: 'ok', watchers: 3 });
  });

  it('encodes subscribeSaved exactly as lib0 would', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.subscribeSaved);
    expect(encodeTypeOnly(COLLAB_MESSAGE.subscribeSaved)).toEqual(encoding.toUint8Array(encoder));
    expect(encodeTypeOnly(300)).toEqual(Uint8Array.from([0xac, 0x02]));
  });

  it('refuses a status with unexpected values and a truncated varint', () => {
    expect(parseStatus('{"access":"admin","storage":"ok","watchers":1}')).toBeNull();
    expect(parseStatus('not json')).toBeNull();
    expect(() => readVarUint({ arr: Uint8Array.from([0x80]), pos: 0 })).toThrow();
  });
});
