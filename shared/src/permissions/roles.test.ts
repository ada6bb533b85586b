import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './capabilities.ts';
import { ROLES, ROLE_CAPABILITIES, can, isReadOnly } from './roles.ts';

describe('role table', () => {
  it('only names known capabilities', () => {
    for (const role of ROLES) {
      for (const capability of ROLE_CAPABILITIES[role]) expect(CAPABILITIES).toContain(capability);
    }
  });

  it('never lets observers or visitors edit, post or ask', () => {
    for (const role of ['observer', 'visitor'] as const) {
      expect(can(role, 'document.edit')).toBe(false);
      expect(can(role, 'discussion.post')).toBe(false);
      expect(can(role, 'question.ask')).toBe(false);
      expect(can(role, 'document.view')).toBe(true);
      expect(can(role, 'discussion.read')).toBe(true);
      expect(isReadOnly(role)).toBe(true);
    }
  });

  it('gives facilitators every capability and nobody anything without a role', () => {
    for (const capability of CAPABILITIES) {
      expect(can('facilitator', capability)).toBe(true);
      expect(can(null, capability)).toBe(false);
    }
  });
});
