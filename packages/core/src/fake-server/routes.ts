import { downloadFile } from './file-routes';
import { createTask, recordInfo } from './kie-routes';
import { editImage, generateImage } from './openai-routes';
import type { RouteName } from './route-names';
import type { RouteHandler } from './server-context';
import { uploadBase64, uploadStream } from './upload-routes';

/** One endpoint: method, path test and handler. */
interface Route {
  readonly name: RouteName;
  readonly method: 'GET' | 'POST';
  readonly matches: (pathname: string) => boolean;
  readonly handle: RouteHandler;
}

const exact = (path: string) => (pathname: string) => pathname === path;
const under = (prefix: string) => (pathname: string) => pathname.startsWith(prefix) && pathname.length > prefix.length;

/** Every endpoint of the fake server; the kie upload service shares the kie origin. */
const ROUTES: readonly Route[] = [
  { name: 'openai.generate', method: 'POST', matches: exact('/v1/images/generations'), handle: generateImage },
  { name: 'openai.edit', method: 'POST', matches: exact('/v1/images/edits'), handle: editImage },
  { name: 'kie.createTask', method: 'POST', matches: exact('/api/v1/jobs/createTask'), handle: createTask },
  { name: 'kie.recordInfo', method: 'GET', matches: exact('/api/v1/jobs/recordInfo'), handle: recordInfo },
  { name: 'kie.download', method: 'GET', matches: under('/files/'), handle: downloadFile },
  { name: 'upload.stream', method: 'POST', matches: exact('/api/file-stream-upload'), handle: uploadStream },
  { name: 'upload.base64', method: 'POST', matches: exact('/api/file-base64-upload'), handle: uploadBase64 },
  { name: 'upload.download', method: 'GET', matches: under('/uploads/'), handle: downloadFile },
];

/** The endpoint for a request, or null. */
export function findRoute(method: string, pathname: string): Route | null {
  return ROUTES.find((route) => route.method === method && route.matches(pathname)) ?? null;
}
