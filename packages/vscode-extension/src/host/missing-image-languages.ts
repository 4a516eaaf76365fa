/**
 * The languages scanned for missing images (SPEC 5 and the issue): a subset of what
 * `src/logic` can read, which also reads plain JS/TS files. Its own module so that activation can
 * register the providers for them without loading the scanner.
 */
export const MISSING_IMAGE_LANGUAGES = ['markdown', 'html', 'javascriptreact', 'typescriptreact', 'vue', 'svelte'] as const;
