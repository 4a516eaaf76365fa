/**
 * @gpt-image/core/fake-server — a fake OpenAI Images + kie task API server for tests, benchmarks
 * and offline demos. Node-only (it listens on a socket); never import it from browser code.
 */
export { startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server';
export { scenarioSchema, parseScenario, faultSchema, durationSchema } from './scenario';
export type { Scenario, ResolvedScenario, Fault, FaultKind, FaultRule, Duration, DurationSampler } from './scenario';
export { loadScenarioFile } from './scenario-file';
export type { RecordedRequest, RecordedImage } from './request-log';
export { OPENAI_ROUTES, KIE_ROUTES, type RouteName, type OpenAiRoute, type KieRoute } from './route-names';
export type { Clock } from './clock';
export { KIE_ERROR_MESSAGES } from './kie-envelope';
export { KIE_FAILURES, KIE_MODELS } from './kie-routes';
export { editCaption, CAPTION_HASH_DIGITS } from './received-image';
export { startFromArgs, type FakeServerMainIo } from './fake-server-main';
