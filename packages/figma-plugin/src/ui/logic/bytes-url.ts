/** Image bytes as a `data:` URL: works in Figma's null-origin iframe, where blob URLs may not load. */
export function bytesUrl(bytes: Uint8Array, mediaType: string): string {
  let binary = '';
  // In chunks: spreading a large array into fromCharCode overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mediaType};base64,${btoa(binary)}`;
}
