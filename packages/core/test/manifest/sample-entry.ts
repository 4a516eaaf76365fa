import type { ManifestEntry } from '../../src/manifest/manifest-schema';

/** A complete, valid manifest entry; override fields per test. */
export function sampleEntry(overrides: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    file: 'red-fox-3fa9c1.png',
    sha256: 'a'.repeat(64),
    width: 1024,
    height: 1536,
    format: 'png',
    prompt: 'A red fox 🦊 in the snow',
    options: { quality: 'high', aspectRatio: '2:3', resolution: '1K', n: 1 },
    provider: 'openai',
    model: 'gpt-image-2',
    taskId: null,
    cost: {
      estimated: { amount: 0.17, unit: 'USD', estimate: true },
      actual: { amount: 0.167, unit: 'USD', estimate: false },
    },
    createdAt: '2025-06-01T12:34:56.789Z',
    references: [{ sha256: 'b'.repeat(64), mediaType: 'image/jpeg', width: 640, height: 480, name: 'ref.jpg' }],
    ...overrides,
  };
}
