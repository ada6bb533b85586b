import { describe, expect, it } from 'vitest';
import type { EvidenceKind, InnovationStage } from '../schemas/innovations.ts';
import { stageProblem } from './stageProblem.ts';

const cases: [InnovationStage, EvidenceKind[], boolean][] = [
  ['developing', [], true],
  ['spreading', ['testimony'], true],
  ['evidenced', [], false],
  ['evidenced', ['process evaluation', 'local monitoring', 'testimony'], false],
  ['evidenced', ['testimony', 'independent impact evaluation'], true],
];

describe('stageProblem', () => {
  it.each(cases)('%s with %j allowed: %s', (stage, kinds, allowed) => {
    expect(
      stageProblem(
        stage,
        kinds.map((kind) => ({ kind })),
      ) === null,
    ).toBe(allowed);
  });
});
