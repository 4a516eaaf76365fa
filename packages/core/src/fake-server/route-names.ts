/**
 * The names the fake server gives its endpoints. Fault rules, the request log and the paid
 * counter all speak in these names, so a test can say "the 2nd `kie.createTask`" without
 * caring about paths.
 */

/** The OpenAI Images endpoints. */
export const OPENAI_ROUTES = ['openai.generate', 'openai.edit'] as const;

/** The kie task API, its result files, and its upload service (which a scenario configures together). */
export const KIE_ROUTES = [
  'kie.createTask',
  'kie.recordInfo',
  'kie.download',
  'upload.stream',
  'upload.base64',
  'upload.download',
] as const;

export type OpenAiRoute = (typeof OPENAI_ROUTES)[number];
export type KieRoute = (typeof KIE_ROUTES)[number];
/** Every named endpoint of the fake server. */
export type RouteName = OpenAiRoute | KieRoute;
