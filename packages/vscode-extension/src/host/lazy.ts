/**
 * `lazy(() => import('./x'))`: loads on the first call and caches the promise, so activation
 * evaluates only the thin registration layer and each implementation module is evaluated on first
 * use (esbuild turns the `import()` into a lazily initialised module of the same bundle). A failed
 * load is not cached: the next call tries again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () =>
    (cached ??= load().catch((error: unknown) => {
      cached = undefined;
      throw error;
    }));
}
