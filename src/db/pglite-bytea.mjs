// @ts-check
// bytea between PGlite and JavaScript (issue 9.2). PGlite's own parser turned the hex text into
// bytes with a parseInt per byte (45–52 ms for a 380 kB Vorlage attachment, the crawl's second
// slowest route), its serializer joined an array of two-digit strings (445 ms for the same file,
// ~12 s for a 10 MB Anlage). Node's hex codec does both in ~5–7 ms. Same values: a Uint8Array of
// the bytes, and the text PostgreSQL reads. Plain JavaScript: the PGlite thread (pglite-worker.mjs)
// imports it too, and runs without the TypeScript loader.

/** Parses PostgreSQL's hex output (`\x0a1b…`, bytea_output 'hex', the default) into bytes. */
export function parseBytea(/** @type {string} */ text) {
  if (!text.startsWith('\\x')) throw new Error('bytea: only the hex format is read (bytea_output = hex)');
  // Not from Buffer's shared pool: the bytes cross to the request thread, and a view into the pool would carry all of it along.
  const bytes = Buffer.allocUnsafeSlow((text.length - 2) >>> 1);
  bytes.write(text.slice(2), 'hex');
  return new Uint8Array(bytes.buffer, 0, bytes.length);
}

/** Bytes as PostgreSQL's hex input for a bytea parameter. */
export function serializeBytea(/** @type {unknown} */ value) {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
}

/** PGlite's `parsers` and `serializers` options (type 17 is bytea). */
export const byteaTypes = { parsers: { 17: parseBytea }, serializers: { 17: serializeBytea } };

/**
 * The buffers of a result's bytea values (each its own, see parseBytea), to be moved to the request
 * thread instead of copied: a message's copy is made again on receipt, ~13 ms per 380 kB file.
 * `results`: a query's result or an exec's list of them.
 */
export function byteaBuffers(/** @type {unknown} */ results) {
  /** @type {ArrayBuffer[]} */
  const out = [];
  for (const result of /** @type {{ rows?: unknown[], fields?: { name: string, dataTypeID: number }[] }[]} */ (Array.isArray(results) ? results : [results])) {
    if (!result?.rows?.length || !result.fields?.some((f) => f.dataTypeID === 17)) continue;
    for (const row of result.rows) {
      for (const value of Array.isArray(row) ? row : Object.values(/** @type {object} */ (row))) {
        if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
      }
    }
  }
  return out;
}
