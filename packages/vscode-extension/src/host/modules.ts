/**
 * Everything activation does not need, behind one door: the thin layer (`extension.ts`,
 * `register-view.ts`, `missing-image-providers.ts`, `register-command.ts`) reaches the services,
 * the commands, the lens logic and the view provider only through `import('./modules')`.
 *
 * The build puts this module and all it loads in its own file, dist/host.js, required on first use
 * (see build.mjs): parsing it is then no part of loading dist/extension.js. Inside it each part is
 * a loader again, so the first command evaluates only what it uses.
 */
export const services = (): Promise<typeof import('./services')> => import('./services');
export const api = (): Promise<typeof import('./api')> => import('./api');
export const statusBar = (): Promise<typeof import('./status-bar')> => import('./status-bar');
export const reportErrors = (): Promise<typeof import('./report-error')> => import('./report-error');
export const generate = (): Promise<typeof import('./generate-command')> => import('./generate-command');
export const edit = (): Promise<typeof import('./edit-command')> => import('./edit-command');
export const generateMissing = (): Promise<typeof import('./generate-missing-command')> => import('./generate-missing-command');
export const generateAllMissing = (): Promise<typeof import('./generate-all-missing-command')> => import('./generate-all-missing-command');
export const regenerate = (): Promise<typeof import('./regenerate-command')> => import('./regenerate-command');
export const keys = (): Promise<typeof import('./key-commands')> => import('./key-commands');
export const pending = (): Promise<typeof import('./pending-tasks')> => import('./pending-tasks');
export const missingImageLens = (): Promise<typeof import('./missing-image-lens')> => import('./missing-image-lens');
export const viewProvider = (): Promise<typeof import('../view/host/view-provider')> => import('../view/host/view-provider');
