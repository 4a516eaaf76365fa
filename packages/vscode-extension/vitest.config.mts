// .mts: this package is CommonJS (the extension bundle must be), and the config is ESM.
import { packageTestConfig } from '../../vitest.shared';

// Only the host-free unit tests; the real-editor suite under test/integration has its own runner.
export default packageTestConfig('vscode-extension-unit', { include: ['test/unit/**/*.test.ts'] });
