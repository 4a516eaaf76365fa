/**
 * The provenance manifest: one JSON file per output folder recording what made each image in it.
 * Every host (CLI, VS Code extension, web) reads and writes this same format, so it lives in the
 * browser-safe part of the package and is checked with zod at the edges.
 */
import * as z from 'zod/mini';
import { englishIssue } from '../internal/zod-english';
import { OUTPUT_FORMATS } from '../options/option-values';
import { costSchema } from '../pricing/cost';

/** The manifest's file name inside an output folder. */
export const MANIFEST_FILE_NAME = 'gpt-image-manifest.json';

/** The manifest format version this code reads and writes. */
export const MANIFEST_VERSION = 1;

// A manifest error names each wrong field with zod's message, and zod/mini has no locale: every
// schema here that can refuse a value carries zod's English wording (checks use their schema's).
const en = { error: englishIssue };

/** Lower-case hex SHA-256, as `sha256Hex` produces. */
export const sha256HexSchema = z
  .string(en)
  .check(z.regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 as 64 lower-case hex characters' }));

/**
 * A path relative to the manifest's folder. Absolute paths and '..' segments are refused so a
 * host that opens `folder/file` can never be led outside the folder by a hand-edited manifest.
 */
export const manifestFilePathSchema = z
  .string(en)
  .check(
    z.minLength(1, { error: 'expected a file name' }),
    z.refine((path: string) => !/^(?:[\\/]|[A-Za-z]:)/.test(path), { error: 'expected a path relative to the manifest folder' }),
    z.refine((path: string) => !path.split(/[\\/]/).includes('..'), { error: "expected a path without '..' segments" }),
  );

/** A whole number above zero: a width or height in pixels. */
const pixelsSchema = z.number(en).check(z.int(), z.positive());

/** Text with at least one character. */
const nameSchema = z.string(en).check(z.minLength(1));

/**
 * A reference image sent with the request, identified by content rather than by path. A reference
 * given as a URL is identified by the URL's hash; its pixels were never seen, so its size is null.
 */
export const manifestReferenceSchema = z.object(
  {
    sha256: sha256HexSchema,
    mediaType: nameSchema,
    width: z.nullable(pixelsSchema),
    height: z.nullable(pixelsSchema),
    /** The reference's file name when it had one; informational only. */
    name: z.optional(z.string(en)),
    /** The address of a reference given as a URL. */
    url: z.optional(z.string(en)),
  },
  en,
);
export type ManifestReference = z.infer<typeof manifestReferenceSchema>;

/** What the image cost: the estimate shown before the request and, when known, the billed amount. */
export const manifestCostSchema = z.object(
  {
    estimated: costSchema,
    actual: z.nullable(costSchema),
  },
  en,
);
export type ManifestCost = z.infer<typeof manifestCostSchema>;

/** One image in the folder and what made it. */
export const manifestEntrySchema = z.object(
  {
    /** The image's name relative to the manifest's folder; the key `addEntry` replaces by. */
    file: manifestFilePathSchema,
    sha256: sha256HexSchema,
    width: pixelsSchema,
    height: pixelsSchema,
    format: z.enum(OUTPUT_FORMATS, en),
    prompt: z.string(en),
    /** The resolved options. Loose on purpose: manifests from older or newer writers must still read. */
    options: z.record(z.string(en), z.unknown(), en),
    provider: nameSchema,
    model: nameSchema,
    /** The provider's task id, or null for providers that answer synchronously. */
    taskId: z.nullable(z.string(en)),
    cost: manifestCostSchema,
    /** When the image was saved, as an ISO 8601 date-time (`Date#toISOString()`; offsets accepted). */
    createdAt: z.iso.datetime({ offset: true, ...en }),
    references: z.array(manifestReferenceSchema, en),
  },
  en,
);
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The whole manifest file. */
export const manifestSchema = z.object(
  {
    version: z.literal(MANIFEST_VERSION, en),
    entries: z.array(manifestEntrySchema, en),
  },
  en,
);
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The schema `parseManifest` reads with: the same checks, but fields this version does not know
 * (on the manifest and on entries) are kept rather than stripped, so an older writer doing a
 * read-modify-write does not erase what a newer writer added.
 */
export const manifestReadSchema = z.looseObject(
  {
    version: z.literal(MANIFEST_VERSION, en),
    entries: z.array(z.looseObject(manifestEntrySchema.shape, en), en),
  },
  en,
);
