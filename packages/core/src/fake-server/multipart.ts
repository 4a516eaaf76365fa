/** A multipart/form-data body, split into text fields and files, in the order received. */
export interface ParsedForm {
  /** Text fields; a repeated name keeps its first value. */
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly FormFile[];
}

/** One file part. */
export interface FormFile {
  readonly field: string;
  readonly filename: string;
  /** The part's declared Content-Type (empty when it declared none). */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Parses a multipart body with the platform's own parser (undici's `Request.formData()` in Node
 * 20), which handles boundaries, quoting and encodings better than a hand-rolled one would.
 * @throws TypeError when the body is not valid multipart/form-data for `contentType`.
 */
export async function parseMultipart(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<ParsedForm> {
  const form = await new Request('http://fake-server.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  }).formData();
  const fields = new Map<string, string>();
  const files: FormFile[] = [];
  // forEach rather than entries(): the DOM typings here lack the iterable part of FormData.
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((value, name) => entries.push([name, value]));
  for (const [name, value] of entries) {
    if (typeof value === 'string') {
      if (!fields.has(name)) fields.set(name, value);
    } else {
      files.push({ field: name, filename: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return { fields, files };
}
