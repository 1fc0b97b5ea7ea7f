import { setImmediate as nextTurn } from 'node:timers/promises';
import zlib from 'node:zlib';

/**
 * Reads entries of a zip archive (an .xlsx) without ever holding an unpacked entry in memory:
 * the central directory gives each entry's declared sizes, and `entryChunks` inflates one entry
 * piece by piece, counting the bytes that really come out. A zip bomb is stopped by the budget
 * (declared sizes checked before inflating, actual bytes while inflating), not by running out
 * of memory.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a zip cannot be read: `unreadable` (not a zip we can read) or `too_big` (over the budget). */
export class ZipRefused extends Error {
  constructor(readonly reason: 'unreadable' | 'too_big') {
    super(`zip refused: ${reason}`);
  }
}

/** How many unpacked bytes the reading of one archive may produce in all; shared by every entry read. */
export class UnpackBudget {
  constructor(public remaining: number) {}
  take(bytes: number) {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new ZipRefused('too_big');
  }
}

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

/** The entries listed in the central directory, by name. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('unreadable');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== centralSignature) throw new ZipRefused('unreadable');
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // Encrypted entries and ZIP64 sizes (0xFFFFFFFF) have no place in a spreadsheet under 5 MB.
    if (flags & 1 || entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipRefused('unreadable');
    entries.set(entry.name.replace(/^\//, ''), entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

const chunkSize = 64 * 1024;

/**
 * The unpacked bytes of one entry, in chunks of at most 64 KB. Refuses (ZipRefused) before
 * inflating when the declared size exceeds the budget, and while inflating as soon as the real
 * output exceeds the declared size or the budget. Yields to the event loop between chunks, so
 * other requests are served while a large sheet is read.
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget): AsyncGenerator<Buffer> {
  if (entry.uncompressedSize > budget.remaining) throw new ZipRefused('too_big');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== localSignature) throw new ZipRefused('unreadable');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipRefused('unreadable');

  let produced = 0;
  const count = (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw new ZipRefused('too_big');
    budget.take(chunk.length);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += chunkSize) {
      const chunk = data.subarray(i, i + chunkSize);
      count(chunk);
      yield chunk;
      await nextTurn();
    }
    return;
  }
  if (entry.method !== 8) throw new ZipRefused('unreadable');
  // Streaming inflate: zlib works off the main thread and hands out one chunk at a time, so an
  // entry that unpacks to gigabytes is stopped after the first bytes over the budget.
  const inflate = zlib.createInflateRaw({ chunkSize });
  inflate.end(data);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      count(chunk);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    throw new ZipRefused('unreadable');
  } finally {
    inflate.destroy();
  }
}
