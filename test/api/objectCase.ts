import { expect, it } from 'vitest';
import type { roomWithEveryRole, SignedIn } from '../support/factories.ts';

/** The matrix's room, community and people, as the per-object cases need them. */
export type ObjectWorld = Awaited<ReturnType<typeof roomWithEveryRole>> & { origin: string };

/** One probe's outcome: the HTTP status (or the one an ack's error code maps to) and whether the change was stored. */
export interface ObjectProbeResult {
  status: number;
  effect: boolean;
}

/** One rule about one object, one kind of caller, and whether the rule lets them. */
export interface ObjectCase {
  rule: string;
  who: string;
  allowed: boolean;
  probe(world: ObjectWorld): Promise<ObjectProbeResult>;
  /** The status a refusal answers with: 403, unless the route answers but leaves the object out. */
  refusedWith: number;
}

/** Picks who acts in a case, creating a fresh person when the case needs one. */
export type Actor = (world: ObjectWorld) => SignedIn | Promise<SignedIn>;

/** A row of a case table. */
export const objectCase = (
  rule: string,
  who: string,
  allowed: boolean,
  probe: ObjectCase['probe'],
  refusedWith = 403,
): ObjectCase => ({ rule, who, allowed, probe, refusedWith });

/**
 * Declares one test per case, inside the matrix's describe that owns the server and the world: an allowed caller
 * gets 2xx and the change is stored (or the object is shown); a refused one gets 403 and nothing changes.
 */
export function itEnforcesEveryObjectRule(world: () => ObjectWorld, cases: readonly ObjectCase[]): void {
  for (const { rule, who, allowed, probe, refusedWith } of cases) {
    it(`${rule}: ${allowed ? 'allows' : 'refuses'} ${who}`, async () => {
      const result = await probe(world());
      const what = `${rule} as ${who} got ${result.status}`;
      if (allowed) expect(result.status >= 200 && result.status < 300, what).toBe(true);
      else expect(result.status, what).toBe(refusedWith);
      expect(result.effect, 'change reached the database').toBe(allowed);
    });
  }
}
