import { packageTestConfig } from '../../vitest.shared';

export default packageTestConfig('core', {
  include: ['test/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
