import { collabStatusSchema, type CollabStatus } from '@common-ground/shared';

/** The shape of lib0's decoder that y-websocket passes to message handlers. */
export interface WireDecoder {
  arr: Uint8Array;
  pos: number;
}

/** Reads one unsigned varint (lib0 encoding) and advances the decoder. */
export function readVarUint(decoder: WireDecoder): number {
  let value = 0;
  let multiplier = 1;
  for (;;) {
    const byte = decoder.arr[decoder.pos];
    if (byte === undefined) throw new Error('unexpected end of message');
    decoder.pos += 1;
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
    if (multiplier > 2 ** 53) throw new Error('varint too long');
  }
}

/** Reads a length-prefixed UTF-8 string (lib0 encoding). */
export function readVarString(decoder: WireDecoder): string {
  const length = readVarUint(decoder);
  const bytes = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return new TextDecoder().decode(bytes);
}

/** Encodes a message that is only a type number (such as `subscribeSaved`). */
export function encodeTypeOnly(type: number): Uint8Array {
  const bytes: number[] = [];
  let value = type;
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Uint8Array.from(bytes);
}

/** Parses a `status` payload with the shared schema; anything else is null. */
export function parseStatus(json: string): CollabStatus | null {
  try {
    const parsed = collabStatusSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
