/**
 * The extension's host-free logic: finding image references and missing files, naming and
 * placing new images, writing snippets, and planning batches. Nothing here imports `vscode`, so
 * all of it runs in plain vitest.
 */
export { findImageReferences, type ImageReference, type ReferenceForm, type TextRange } from './image-references';
export { findMissingImages, targetPathOf, type MissingImage, type GeneratableImage, type UngeneratableImage, type MissingImageOptions, type ExistsCheck } from './missing-images';
export { sizeFromAttributes, DEFAULT_MISSING_IMAGE_SIZE, type AttributeSize, type SizeSource } from './attribute-size';
export { outputFormatForPath, type FormatForPath } from './output-format';
export { imageSnippet, markdownDestination, escapeMarkdownAlt, type SnippetRequest, type ImageSnippet } from './snippet';
export { usesImageImports, importIdentifier, importInsertionOffset } from './image-imports';
export { normalizePath, relativePath, relativeFromDocument, resolvePath, folderOf, fileNameOf, pathKey, isAbsolutePath } from './relative-path';
export {
  outputLocation,
  markdownCopyDestination,
  DEFAULT_OUTPUT_FOLDER,
  type OutputFolderSettings,
  type OutputTarget,
  type OutputLocation,
} from './output-folder';
export { planBatch, type BatchPlan, type BatchJob, type RefusedItem, type BatchSource, type BatchOptions, type BatchDefaults } from './batch-plan';
export { promptFromFileName } from './prompt-from-file-name';
export { runWithConcurrency, type ItemOutcome } from './concurrency';
export { referenceSyntaxFor, snippetStyleFor, REFERENCE_LANGUAGE_IDS, type ReferenceSyntax, type SnippetStyle } from './languages';
