import { defineConfig } from 'vitest/config';

const serverTests = {
  globalSetup: ['test/support/globalSetup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/** Unit tests beside the code in each package; integration and browser tests in test/, on a real database. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/{foundation,api,realtime,collaboration,documents,cluster}/**/*.test.ts'],
          ...serverTests,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          ...serverTests,
          testTimeout: 60_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
