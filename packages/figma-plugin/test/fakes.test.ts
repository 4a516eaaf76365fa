import { describe, expect, it } from 'vitest';
import { FakeClientStorage } from './fakes/fake-client-storage';
import { createFakeFigma } from './fakes/fake-figma';
import { gifBytes, jpegBytes, pngBytes, readImageHeader, webpBytes } from './fakes/image-bytes';

// The fakes are only worth their tests if they refuse what Figma refuses.
describe('the fake figma behaves like Figma where the plugin depends on it', () => {
  it('createImage takes PNG, JPEG and GIF up to 4096 px a side, by their bytes', () => {
    const { figma } = createFakeFigma();
    for (const bytes of [pngBytes(4096, 1), jpegBytes(10, 4096), gifBytes(5, 5)]) expect(figma.createImage(bytes).hash).toMatch(/^[0-9a-f]{40}$/);
    expect(() => figma.createImage(webpBytes(10, 10))).toThrow('Image type is unsupported');
    expect(() => figma.createImage(new Uint8Array([1, 2, 3]))).toThrow('Image type is unsupported');
    expect(() => figma.createImage(pngBytes(4097, 1))).toThrow('Image is too large');
  });

  it('getImageByHash finds images of the file only', () => {
    const { figma } = createFakeFigma();
    const image = figma.createImage(pngBytes(2, 2));
    expect(figma.getImageByHash(image.hash)?.hash).toBe(image.hash);
    expect(figma.getImageByHash('0'.repeat(40))).toBeNull();
    expect(createFakeFigma().figma.getImageByHash(image.hash)).toBeNull();
  });

  it('exportAsync returns a real PNG of size × scale, or constrained by width or height', async () => {
    const { figma } = createFakeFigma();
    const node = figma.createFrame();
    node.resize(200, 100);
    const header = async (settings: ExportSettings): Promise<unknown> => readImageHeader(await node.exportAsync(settings));
    expect(await header({ format: 'PNG' })).toEqual({ format: 'PNG', width: 200, height: 100 });
    expect(await header({ format: 'PNG', constraint: { type: 'SCALE', value: 0.5 } })).toEqual({ format: 'PNG', width: 100, height: 50 });
    expect(await header({ format: 'PNG', constraint: { type: 'WIDTH', value: 96 } })).toEqual({ format: 'PNG', width: 96, height: 48 });
    expect(await header({ format: 'PNG', constraint: { type: 'HEIGHT', value: 10 } })).toEqual({ format: 'PNG', width: 20, height: 10 });
  });

  it('shared plugin data: "" when absent, "" removes, the namespace is checked', () => {
    const { figma } = createFakeFigma();
    const node = figma.createFrame();
    expect(node.getSharedPluginData('gpt_image', 'prompt')).toBe('');
    node.setSharedPluginData('gpt_image', 'prompt', 'hi');
    expect(node.getSharedPluginDataKeys('gpt_image')).toEqual(['prompt']);
    node.setSharedPluginData('gpt_image', 'prompt', '');
    expect(node.getSharedPluginDataKeys('gpt_image')).toEqual([]);
    expect(() => node.setSharedPluginData('gi', 'k', 'v')).toThrow('Invalid namespace');
    expect(() => node.setSharedPluginData('gpt_image', 'k', 'x'.repeat(100_001))).toThrow('exceeds 100 kB');
  });

  it('relaunch data accepts only the manifest’s commands', () => {
    const { figma } = createFakeFigma();
    const node = figma.createFrame();
    node.setRelaunchData({ regenerate: 'again' });
    expect(node.getRelaunchData()).toEqual({ regenerate: 'again' });
    expect(() => node.setRelaunchData({ open: 'x' })).toThrow('not one of the manifest');
  });

  it('text needs its font loaded first, and getNodeById is refused under dynamic-page', async () => {
    const { figma } = createFakeFigma();
    const text = figma.createText();
    expect(() => (text.characters = 'hi')).toThrow('font is not loaded');
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    text.characters = 'hi';
    expect(() => figma.getNodeById(text.id)).toThrow('dynamic-page');
    expect(await figma.getNodeByIdAsync(text.id)).toBe(text);
  });

  it('clientStorage copies values, keeps Uint8Array, refuses what it cannot store and enforces 5 MB', async () => {
    const storage = new FakeClientStorage();
    const value = { list: [1, 'two', null, true], bytes: new Uint8Array([1, 2]) };
    await storage.setAsync('k', value);
    value.list.push(5);
    expect(await storage.getAsync('k')).toEqual({ list: [1, 'two', null, true], bytes: new Uint8Array([1, 2]) });
    await expect(storage.setAsync('d', new Date())).rejects.toThrow('cannot store');
    await expect(storage.setAsync('big', new Uint8Array(5 * 1024 * 1024))).rejects.toThrow('quota exceeded');
    await storage.setAsync('almost', new Uint8Array(4 * 1024 * 1024));
    await expect(storage.setAsync('more', 'x'.repeat(1024 * 1024))).rejects.toThrow('quota exceeded');
    expect(await storage.keysAsync()).toEqual(['k', 'almost']);
  });

  it('new nodes get Figma’s defaults', () => {
    const { figma } = createFakeFigma();
    const node = figma.createFrame();
    expect({ x: node.x, y: node.y, width: node.width, height: node.height, layoutMode: node.layoutMode, locked: node.locked }).toEqual({
      x: 0, y: 0, width: 100, height: 100, layoutMode: 'NONE', locked: false,
    });
    expect(node.fills).toEqual([{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }]);
  });
});
