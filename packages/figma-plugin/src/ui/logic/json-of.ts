import { jsonObject } from '../../protocol/checks';
import type { JsonObject } from '../../protocol/json';

/** A plain object (core's options, a cost) as checked JSON for the protocol. */
export function jsonOf(value: object, path: string): JsonObject {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  return jsonObject()(copy, path);
}
