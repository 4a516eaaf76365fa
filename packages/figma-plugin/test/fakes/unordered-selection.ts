/**
 * Figma says the order of `page.selection` is unspecified. figma-api-stub returns it in the order
 * it was set, which would let a plugin that relies on that order pass. On the page given, this
 * makes `selection` return the selected nodes topmost layer first, as the layers panel lists them,
 * whatever order they were selected in (setting it, and its `selectionchange`, are the fake's).
 */
export function reportSelectionTopmostFirst(page: PageNode): void {
  const stub = selectionAccessor(page);
  Object.defineProperty(page, 'selection', {
    get: (): SceneNode[] => topmostFirst(page, stub.get(page)),
    set: (nodes: readonly SceneNode[]) => stub.set(page, nodes),
    configurable: true,
    // As the fake keeps it: node snapshots must not walk into the selected nodes.
    enumerable: false,
  });
}

function selectionAccessor(page: PageNode): { get: (page: PageNode) => readonly SceneNode[]; set: (page: PageNode, nodes: readonly SceneNode[]) => void } {
  // The page's own accessor first (the fake may already wrap the stub's), else the stub's.
  for (let proto: object | null = page; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'selection');
    const { get, set } = descriptor ?? {};
    if (get && set) {
      return {
        get: (target) => {
          const value: unknown = Reflect.apply(get, target, []);
          return isNodeList(value) ? value : [];
        },
        set: (target, nodes) => Reflect.apply(set, target, [nodes]),
      };
    }
  }
  throw new Error('the stub page has no selection accessor');
}

// The stub keeps what was set: an array of its nodes.
function isNodeList(value: unknown): value is readonly SceneNode[] {
  return Array.isArray(value);
}

/** The nodes in reverse document order: later siblings are drawn above earlier ones. */
function topmostFirst(page: PageNode, nodes: readonly SceneNode[]): SceneNode[] {
  const rank = new Map<string, number>();
  const visit = (node: BaseNode): void => {
    rank.set(node.id, rank.size);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(page);
  return [...nodes].sort((a, b) => (rank.get(b.id) ?? -1) - (rank.get(a.id) ?? -1));
}
