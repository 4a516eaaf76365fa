import type { FakeDocument } from './fake-document';
import { jpegBytes, pngBytes } from './image-bytes';

/**
 * What figma-api-stub 0.0.57 lacks on nodes, added per node as own properties (the stub re-mixes
 * its prototypes on every `createFigma`, so patching those would not stick):
 * - defaults Figma gives new nodes (position 0,0; frames 100×100 with a white fill, no auto layout,
 *   unlocked, visible) — https://developers.figma.com/docs/plugins/api/properties/figma-createframe
 * - `absoluteTransform` and `absoluteBoundingBox`, from the parents' positions (no rotation, and
 *   groups are not modelled: the tests use frames and sections)
 * - shared plugin data as documented: '' for a missing key, '' removes, a namespace of at least 3
 *   characters, at most 100 kB per entry — https://developers.figma.com/docs/plugins/api/properties/nodes-setsharedplugindata
 * - relaunch data: every command must be one of the manifest's relaunch buttons and each
 *   description at most 1000 characters, else it throws —
 *   https://developers.figma.com/docs/plugins/api/properties/nodes-setrelaunchdata
 * - `exportAsync` returning a real PNG (or JPEG header) of the node's size × scale, honouring
 *   SCALE, WIDTH and HEIGHT constraints — https://developers.figma.com/docs/plugins/api/ExportSettings
 * - `findAllWithCriteria` with `types` and `sharedPluginData`
 * - `remove()` that throws on a removed node and detaches it
 * - a page's `selection` refuses nodes of another page (or of none), as Figma does ("in
 *   set_selection: The selection of a page can only include nodes in that page"); each page keeps
 *   its own selection — https://developers.figma.com/docs/plugins/api/properties/PageNode-selection
 * - sections (the stub has none; `createSection` makes one from the stub's frame): named "Section",
 *   100×100, contents shown — https://developers.figma.com/docs/plugins/api/SectionNode
 */

/** One `exportAsync` call. */
export interface ExportCall {
  readonly nodeId: string;
  readonly format: string;
  readonly width: number;
  readonly height: number;
}

/** What decorated nodes share within one session. */
export interface NodeContext {
  readonly document: FakeDocument;
  readonly relaunchCommands: readonly string[];
  readonly exports: ExportCall[];
}

const sharedData = new WeakMap<BaseNode, Map<string, Map<string, string>>>();
const relaunchData = new WeakMap<BaseNode, { [command: string]: string }>();

/** Shared plugin data of a node, by namespace then key (for snapshots). */
export function sharedDataOf(node: BaseNode): { [namespace: string]: { [key: string]: string } } {
  const byNamespace = sharedData.get(node) ?? new Map<string, Map<string, string>>();
  return Object.fromEntries([...byNamespace].map(([namespace, entries]) => [namespace, Object.fromEntries(entries)]));
}

/** Relaunch data of a node (for snapshots). */
export function relaunchDataOf(node: BaseNode): { [command: string]: string } {
  return { ...(relaunchData.get(node) ?? {}) };
}

/** Adds the missing parts to a node made by the stub; `fresh` nodes also get a new document-wide id. */
export function decorateNode<T extends BaseNode>(node: T, context: NodeContext, fresh: boolean): T {
  if (fresh) define(node, 'id', context.document.nextId(), true);
  defaults(node);
  define(node, 'getSharedPluginData', (namespace: string, key: string): string => sharedData.get(node)?.get(namespace)?.get(key) ?? '');
  // The stub answers undefined for a key never set; Figma answers ''.
  const stubGetPluginData = Reflect.get(node, 'getPluginData');
  if (typeof stubGetPluginData === 'function') {
    define(node, 'getPluginData', (key: string): string => {
      const value: unknown = Reflect.apply(stubGetPluginData, node, [key]);
      return typeof value === 'string' ? value : '';
    });
  }
  define(node, 'getSharedPluginDataKeys', (namespace: string): string[] => [...(sharedData.get(node)?.get(namespace)?.keys() ?? [])]);
  define(node, 'setSharedPluginData', (namespace: string, key: string, value: string): void => setShared(node, namespace, key, value));
  define(node, 'setRelaunchData', (data: { [command: string]: string }): void => setRelaunch(node, data, context.relaunchCommands));
  define(node, 'getRelaunchData', () => relaunchDataOf(node));
  const stubRemove = Reflect.get(node, 'remove');
  define(node, 'remove', () => {
    if (node.removed) throw new Error(`The node with id ${node.id} does not exist`);
    if (typeof stubRemove === 'function') Reflect.apply(stubRemove, node, []);
    Reflect.set(node, 'parent', null);
  });
  if ('children' in node) define(node, 'findAllWithCriteria', (criteria: FindAllCriteria<NodeType[]>) => findAll(node, criteria));
  if (node.type === 'PAGE') guardSelection(node);
  if (node.type !== 'PAGE' && node.type !== 'DOCUMENT') {
    accessor(node, 'absoluteTransform', () => {
      const { x, y } = absolutePosition(node);
      return [[1, 0, x], [0, 1, y]];
    });
    accessor(node, 'absoluteBoundingBox', () => ({ ...absolutePosition(node), width: num(node, 'width'), height: num(node, 'height') }));
    define(node, 'exportAsync', (settings?: ExportSettings) => exportNode(node, settings, context));
  }
  return node;
}

function defaults(node: BaseNode): void {
  const initial: { [key: string]: unknown } = { removed: false };
  if (node.type === 'FRAME' || node.type === 'RECTANGLE' || node.type === 'SECTION') Object.assign(initial, { width: 100, height: 100 });
  if (node.type === 'TEXT') Object.assign(initial, { width: 100, height: 14, fontSize: 12, name: 'Text' });
  if (node.type === 'DOCUMENT') Object.assign(initial, { name: 'Untitled' });
  if (node.type === 'FRAME') Object.assign(initial, { name: 'Frame', layoutMode: 'NONE', clipsContent: true });
  if (node.type === 'RECTANGLE') Object.assign(initial, { name: 'Rectangle' });
  if (node.type === 'SECTION') Object.assign(initial, { name: 'Section', sectionContentsHidden: false });
  if (node.type !== 'PAGE' && node.type !== 'DOCUMENT') Object.assign(initial, { x: 0, y: 0, rotation: 0, visible: true, locked: false, opacity: 1 });
  for (const [key, value] of Object.entries(initial)) {
    if (Reflect.get(node, key) === undefined) Reflect.set(node, key, value);
  }
  const fills: unknown = Reflect.get(node, 'fills');
  if ((node.type === 'FRAME' || node.type === 'RECTANGLE') && Array.isArray(fills) && fills.length === 0) {
    Reflect.set(node, 'fills', [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }]);
  }
}

function setShared(node: BaseNode, namespace: string, key: string, value: string): void {
  if (!/^[A-Za-z0-9_.]{3,}$/.test(namespace)) throw new Error(`Invalid namespace "${namespace}": at least 3 alphanumeric characters`);
  if (typeof value !== 'string') throw new Error('Expected value to be a string');
  if (Buffer.byteLength(namespace + key + value) > 100_000) throw new Error(`Shared plugin data entry "${key}" exceeds 100 kB`);
  const byNamespace = sharedData.get(node) ?? new Map<string, Map<string, string>>();
  sharedData.set(node, byNamespace);
  const entries = byNamespace.get(namespace) ?? new Map<string, string>();
  byNamespace.set(namespace, entries);
  if (value === '') entries.delete(key);
  else entries.set(key, value);
}

function setRelaunch(node: BaseNode, data: { [command: string]: string }, commands: readonly string[]): void {
  for (const [command, description] of Object.entries(data)) {
    if (!commands.includes(command)) throw new Error(`Relaunch command "${command}" is not one of the manifest's relaunchButtons`);
    if (description.length > 1000) throw new Error(`Relaunch description for "${command}" exceeds 1000 characters`);
  }
  relaunchData.set(node, { ...data });
}

function findAll(root: BaseNode, criteria: FindAllCriteria<NodeType[]>): BaseNode[] {
  const found: BaseNode[] = [];
  const visit = (node: BaseNode): void => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      const typeOk = !criteria.types || criteria.types.includes(child.type);
      const shared = criteria.sharedPluginData;
      const sharedOk = !shared || (shared.keys ?? [null]).some((key) => {
        const entries = sharedData.get(child)?.get(shared.namespace);
        return key === null ? (entries?.size ?? 0) > 0 : (entries?.get(key) ?? '') !== '';
      });
      if (typeOk && sharedOk) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Wraps the stub's per-page selection (kept on the page) with Figma's check that every node is on that page. */
function guardSelection(page: BaseNode): void {
  const stub = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(page), 'selection');
  const get = stub?.get;
  const set = stub?.set;
  if (!get || !set) throw new Error('figma-api-stub no longer keeps a page selection: update fake-nodes.ts');
  Object.defineProperty(page, 'selection', {
    get: () => Reflect.apply(get, page, []),
    set: (nodes: readonly BaseNode[]) => {
      if (nodes.some((node) => pageOf(node) !== page)) throw new Error('in set_selection: The selection of a page can only include nodes in that page');
      Reflect.apply(set, page, [nodes]);
    },
    configurable: true,
    // Not an own data property of the page: node snapshots must not walk into the selected nodes.
    enumerable: false,
  });
}

function pageOf(node: BaseNode): BaseNode | null {
  let current: BaseNode | null = node;
  while (current && current.type !== 'PAGE') current = current.parent;
  return current;
}

function absolutePosition(node: BaseNode): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let current: BaseNode | null = node; current && current.type !== 'PAGE' && current.type !== 'DOCUMENT'; current = current.parent) {
    x += num(current, 'x');
    y += num(current, 'y');
  }
  return { x, y };
}

async function exportNode(node: BaseNode, settings: ExportSettings | undefined, context: NodeContext): Promise<Uint8Array> {
  if (node.removed) throw new Error(`The node with id ${node.id} does not exist`);
  const format = settings?.format ?? 'PNG';
  if (format !== 'PNG' && format !== 'JPG') throw new Error(`this fake exports PNG and JPG only (asked for ${format})`);
  const width = num(node, 'width');
  const height = num(node, 'height');
  if (!(width > 0 && height > 0)) throw new Error('Cannot export a node with no area');
  const constraint = settings && 'constraint' in settings ? settings.constraint : undefined;
  const scale = !constraint || constraint.type === 'SCALE' ? (constraint?.value ?? 1) : constraint.type === 'WIDTH' ? constraint.value / width : constraint.value / height;
  const out = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  context.exports.push({ nodeId: node.id, format, ...out });
  return format === 'PNG' ? pngBytes(out.width, out.height) : jpegBytes(out.width, out.height);
}

function num(node: BaseNode, key: string): number {
  const value: unknown = Reflect.get(node, key);
  return typeof value === 'number' ? value : 0;
}

function define(node: BaseNode, key: string, value: unknown, enumerable = false): void {
  Object.defineProperty(node, key, { value, writable: true, configurable: true, enumerable });
}

function accessor(node: BaseNode, key: string, get: () => unknown): void {
  Object.defineProperty(node, key, { get, configurable: true, enumerable: false });
}
