import * as Y from 'yjs';
import { CLOSE_CODES } from '@common-ground/shared';
import { nestsDeeperThan } from './nestingDepth.ts';

/** Whether an incoming update may be stored, or the close code and reason that refuse it. */
export type UpdateVerdict =
  { ok: true } | { ok: false; code: number; reason: keyof typeof REFUSALS; message: string };

/** Why an update was refused, as the close reason (kept short: close reasons are at most 123 bytes). */
const REFUSALS = {
  unappliable: 'this change cannot be applied to the document',
  'too-deep': 'this change nests content deeper than the editor allows',
  full: 'document is full',
} as const;

/** Where a rebuilt scratch copy starts from: the stored document and the updates accepted but not yet stored. */
export interface ScratchSource {
  stored(): Y.Doc;
  pending(): Uint8Array[];
}

/**
 * A scratch copy of a document as it will be once everything accepted is stored: each incoming update is applied
 * here first and refused when it throws, nests content deeper than the editor allows, or leaves the document over its
 * size cap (measured on the encoded state the document actually holds, so deleting content frees room; an update
 * that only deletes is never refused for size). A refused update leaves nothing behind: the copy is rebuilt.
 */
export class ScratchDocument {
  private doc: Y.Doc;
  /** An upper bound on the copy's encoded size: the last measurement plus every update applied since. */
  private sizeBound = 0;
  private fullFlag = false;

  constructor(
    private readonly source: ScratchSource,
    private readonly limits: { maxDocumentBytes: number; maxNestingDepth: number },
    /** Told after each check whether the document is full, that is whether it is over its cap or just refused. */
    private readonly onFull: (full: boolean) => void = () => undefined,
  ) {
    this.doc = this.build();
  }

  /** Whether the last measurement found the document over its size cap. */
  get full(): boolean {
    return this.fullFlag;
  }

  /** Applies an update to the copy, keeping it only when it may be stored. */
  check(update: Uint8Array): UpdateVerdict {
    const verdict = this.apply(update);
    this.onFull(this.fullFlag);
    return verdict;
  }

  private apply(update: Uint8Array): UpdateVerdict {
    let tooDeep = false;
    const inspect = (transaction: Y.Transaction) => {
      tooDeep ||= nestsDeeperThan(transaction, this.limits.maxNestingDepth);
    };
    this.doc.on('afterTransaction', inspect);
    try {
      Y.applyUpdate(this.doc, update);
    } catch {
      return this.refuse(CLOSE_CODES.malformed, 'unappliable');
    } finally {
      this.doc.off('afterTransaction', inspect);
    }
    if (tooDeep) return this.refuse(CLOSE_CODES.tooDeep, 'too-deep');
    this.sizeBound += update.byteLength;
    if (this.fullFlag || this.sizeBound > this.limits.maxDocumentBytes) {
      this.measure();
      if (this.fullFlag && insertsContent(update)) {
        const verdict = this.refuse(CLOSE_CODES.documentFull, 'full');
        this.fullFlag = true;
        return verdict;
      }
    }
    return { ok: true };
  }

  /** Mirrors an update that is already stored (by another instance); it was checked there. */
  mirror(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update);
      this.sizeBound += update.byteLength;
    } catch {
      this.rebuild();
    }
  }

  /** Frees the copy. */
  destroy(): void {
    this.doc.destroy();
  }

  private refuse(code: number, reason: keyof typeof REFUSALS): UpdateVerdict {
    this.rebuild();
    return { ok: false, code, reason, message: REFUSALS[reason] };
  }

  private rebuild(): void {
    this.doc.destroy();
    this.doc = this.build();
  }

  private build(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.source.stored()));
    for (const update of this.source.pending()) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // Every pending update passed this check once; one that no longer applies is left to the stored copy.
      }
    }
    this.doc = doc;
    this.measure();
    return doc;
  }

  private measure(): void {
    this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.fullFlag = this.sizeBound > this.limits.maxDocumentBytes;
  }
}

/** Whether an update inserts anything (an update that only deletes can only shrink the document). */
function insertsContent(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.Item);
}
