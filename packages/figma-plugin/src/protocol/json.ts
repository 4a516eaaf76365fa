/** A value that survives `JSON.stringify` / `JSON.parse` unchanged: what provenance and task records are made of. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
