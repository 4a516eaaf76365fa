import { packageTestConfig } from '../../vitest.shared';

export default packageTestConfig('figma-plugin', {
  include: ['test/**/*.test.ts'],
  setupFiles: ['test/support/setup.ts'],
  globalSetup: ['test/support/build-once.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
