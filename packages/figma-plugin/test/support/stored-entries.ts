import { expect } from 'vitest';
import { FILE_ID_KEY } from '../../src/main/file-identity';
import type { FakeFigma } from '../fakes/fake-figma';

/**
 * A pending task or a started run as main stores it for `session`: with the file it was started
 * in (the id main wrote on the document) and claimed by the session (whose id is random).
 */
export function storedAs<T extends object>(session: Pick<FakeFigma, 'figma'>, entry: T): T & { fileId: string; fileName: unknown; claimedBy: unknown } {
  return { ...entry, fileId: session.figma.root.getPluginData(FILE_ID_KEY), fileName: expect.any(String), claimedBy: expect.any(String) };
}
