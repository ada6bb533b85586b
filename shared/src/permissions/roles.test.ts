import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ORGANISATION_CAPABILITIES, PLATFORM_CAPABILITIES } from './capabilities.ts';
import {
  ORGANISATION_ROLES,
  ORGANISATION_ROLE_CAPABILITIES,
  ROLES,
  ROLE_CAPABILITIES,
  can,
  canInOrganisation,
  canOnPlatform,
  isReadOnly,
  PLATFORM_ROLE_CAPABILITIES,
} from './roles.ts';

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

describe('organisation table', () => {
  it('only names known organisation capabilities', () => {
    for (const role of ORGANISATION_ROLES) {
      for (const capability of ORGANISATION_ROLE_CAPABILITIES[role])
        expect(ORGANISATION_CAPABILITIES).toContain(capability);
    }
  });

  it('lets admins do everything, confirmed members list people, and pending people or outsiders nothing', () => {
    for (const capability of ORGANISATION_CAPABILITIES) {
      expect(canInOrganisation('admin', capability)).toBe(true);
      expect(canInOrganisation('pending', capability)).toBe(false);
      expect(canInOrganisation(null, capability)).toBe(false);
    }
    expect(canInOrganisation('member', 'organisation.people.list')).toBe(true);
    expect(canInOrganisation('member', 'organisation.people.manage')).toBe(false);
  });
});

describe('the platform table', () => {
  it('lets platform administrators verify organisations, and nobody without the role', () => {
    for (const capability of PLATFORM_ROLE_CAPABILITIES.administrator)
      expect(PLATFORM_CAPABILITIES).toContain(capability);
    expect(canOnPlatform('administrator', 'organisation.verify')).toBe(true);
    expect(canOnPlatform(null, 'organisation.verify')).toBe(false);
  });
  it('gives community members and observers no say over organisations; facilitators may verify', () => {
    expect(can('facilitator', 'organisation.verify')).toBe(true);
    expect(can('member', 'organisation.verify')).toBe(false);
    expect(can('observer', 'organisation.verify')).toBe(false);
    expect(can('visitor', 'organisation.verify')).toBe(false);
  });
});
