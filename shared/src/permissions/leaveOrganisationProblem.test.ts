import { describe, expect, it } from 'vitest';
import { leaveOrganisationProblem } from './leaveOrganisationProblem.ts';

describe('leaveOrganisationProblem', () => {
  it.each([
    { isAdmin: false, adminCount: 0, allowed: true },
    { isAdmin: false, adminCount: 1, allowed: true },
    { isAdmin: true, adminCount: 1, allowed: false },
    { isAdmin: true, adminCount: 0, allowed: false },
    { isAdmin: true, adminCount: 2, allowed: true },
  ])('admin $isAdmin with $adminCount admins: may leave $allowed', ({ isAdmin, adminCount, allowed }) => {
    const problem = leaveOrganisationProblem({ isAdmin }, adminCount);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toMatch(/no admin left/);
  });
});
