// The SHA-256 of a file's bytes, as lower-case hex: the key of a saved review
// and the file's fingerprint in the upload log. WebCrypto, which Node and the
// browsers both have, so the model layer can hold it.
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // a copy: digest wants a plain ArrayBuffer, and `bytes` may be a view into a larger one
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
