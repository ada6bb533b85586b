import { describe, expect, it } from 'vitest';
import { safeNextPath } from './useNextPath.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site, such as an invitation link', () => {
    expect(safeNextPath('/invitations/abc123')).toBe('/invitations/abc123');
    expect(safeNextPath('/communities?x=1')).toBe('/communities?x=1');
  });

  it('refuses anything that would leave the site after signing in', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(safeNextPath(next)).toBeNull();
    }
  });
});
