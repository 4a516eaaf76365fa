/**
 * The thin layer's one way to the implementation (`./modules`, dist/host.js in the build): loaded
 * once, on first use, then each part of it with its own loader (cached by `lazy`).
 */
import { lazy } from './lazy';

type Modules = typeof import('./modules');

const hub = lazy(() => import('./modules'));

/** `load('generate')` → the module of `gptImage.generate`, evaluated on first use. */
export const load = <K extends keyof Modules>(name: K): Promise<Awaited<ReturnType<Modules[K]>>> =>
  (cached[name] ??= lazy(async () => (await hub())[name]()))() as Promise<Awaited<ReturnType<Modules[K]>>>;

const cached: { [K in keyof Modules]?: () => Promise<unknown> } = {};
