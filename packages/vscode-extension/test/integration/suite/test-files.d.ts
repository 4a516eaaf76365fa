// Provided at build time by scripts/build-integration.mjs: one entry per `suite/*.test.ts`, each loaded
// lazily so Mocha's globals (suite, test, setup, …) exist before the file's top level runs.
declare module 'gpt-image:integration-test-files' {
  export interface IntegrationTestFile {
    /** File name relative to test/integration/suite, e.g. `activation.test.ts`. */
    readonly name: string;
    readonly load: () => Promise<unknown>;
  }
  export const testFiles: readonly IntegrationTestFile[];
}
