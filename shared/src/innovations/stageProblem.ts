import type { EvidenceKind, InnovationStage } from '../schemas/innovations.ts';

/** The kind of evidence an innovation needs before it may be called evidenced. */
export const EVIDENCED_NEEDS: EvidenceKind = 'independent impact evaluation';

/**
 * Why an innovation may not stand at a stage with this evidence, or null when it may. "Evidenced" needs at least one
 * independent impact evaluation, whatever it found: the owner cannot simply declare it. Asked by the server before
 * every save and by the form before sending.
 */
export function stageProblem(
  stage: InnovationStage,
  evidence: readonly { kind: EvidenceKind }[],
): string | null {
  if (stage !== 'evidenced') return null;
  if (evidence.some((item) => item.kind === EVIDENCED_NEEDS)) return null;
  return 'An innovation can be marked as evidenced only once its evidence includes an independent impact evaluation.';
}
