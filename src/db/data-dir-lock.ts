// An exclusive lock on a PGlite data directory: two processes on one directory destroy the
// database (PGlite has no lock of its own). The lock is a Unix socket `ikon.lock` in the
// directory, bound and listened on by the holder:
// - binding is atomic: only one process can create the socket file;
// - liveness is the kernel's word: a connect succeeds while the holder lives (even if its event
//   loop is busy) and is refused once it died, whatever PID namespace or container it ran in;
// - a dead holder's socket file stays behind; it is removed only under a takeover guard (an
//   O_EXCL file) after a second refused connect, so a live lock is never removed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder ? `PID ${holder.pid} auf ${holder.host}, seit ${holder.since}` : 'Prozess antwortet nicht mit seiner PID';
    super(
      `Das Datenverzeichnis ${dataDir} wird schon von einem anderen ikon-Prozess benutzt (${who}). ` +
        'Zwei Prozesse auf einem Datenverzeichnis zerstören die Datenbank: Beenden Sie den anderen Prozess ' +
        'oder wählen Sie ein anderes DATA_DIR (siehe docs/operations.md).',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

const lockName = 'ikon.lock';
/** A takeover takes a few system calls; a guard this old was left by a process that died during one. */
const guardMaxAgeMs = 10_000;
/** Unix socket paths are limited to 107 bytes on Linux. */
const maxSocketPath = 100;

/** Takes the lock on `dataDir` (created if missing) or throws DataDirInUseError. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const socketPath = shortSocketPath(dataDir);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  const server = net.createServer((socket) => socket.end(JSON.stringify(holder)));
  // The lock must not keep a finished CLI command alive.
  server.unref();
  // Retries only while another process is in the middle of a takeover (milliseconds, unless the
  // machine is very busy); a live holder ends the loop at once.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const bound = await listen(server, socketPath);
    if (bound === 'ok') return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    const probe = await probeHolder(socketPath);
    if (probe.alive) throw new DataDirInUseError(dataDir, probe.holder);
    if (probe.gone) continue;
    await withGuard(socketPath, async () => {
      // Under the guard nobody else removes the file, and nobody can bind while it exists.
      if (!(await probeHolder(socketPath)).alive) fs.rmSync(socketPath, { force: true });
    });
  }
  throw new Error(`Die Sperre ${path.join(dataDir, lockName)} ließ sich nicht übernehmen; bitte erneut starten.`);
}

function listen(server: net.Server, socketPath: string): Promise<'ok' | 'in_use'> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') resolve('in_use');
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve('ok');
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(socketPath);
  });
}

/** Connects to the lock socket: alive (with the holder's record if it answers), dead, or gone. */
function probeHolder(socketPath: string): Promise<{ alive: boolean; gone?: boolean; holder?: LockHolder }> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    let data = '';
    let connected = false;
    // A holder with a blocked event loop accepts (the kernel queues us) but does not answer.
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk) => (data += chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      if (connected) resolve({ alive: true, holder: parseHolder(data) });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (err.code === 'ECONNREFUSED') resolve({ alive: false });
      else if (err.code === 'ENOENT') resolve({ alive: false, gone: true });
      // Anything else (e.g. the file is no socket): treat as held, never remove what we do not understand.
      else resolve({ alive: true });
    });
  });
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as LockHolder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `fn` while holding `<file>.takeover` (created with O_EXCL). A guard older than
 * guardMaxAgeMs belongs to a process that died inside its takeover; it is removed under a guard
 * of its own (`….takeover.takeover`), so two processes never both remove a guard.
 */
async function withGuard(file: string, fn: () => Promise<void>, depth = 0): Promise<void> {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || depth > 3) throw err;
    const stale = statOrUndefined(guard);
    if (stale && Date.now() - stale.mtimeMs > guardMaxAgeMs) {
      await withGuard(guard, async () => {
        const now = statOrUndefined(guard);
        if (now && now.ino === stale.ino && now.mtimeMs === stale.mtimeMs) fs.rmSync(guard, { force: true });
      }, depth + 1);
    } else {
      // Another process is taking over right now: give it a moment, then the caller looks again.
      await new Promise((r) => setTimeout(r, 50));
    }
    return;
  }
  fs.closeSync(fd);
  try {
    await fn();
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The socket path, through a short symlink in the temp directory when the real one is too long. */
function shortSocketPath(dataDir: string): string {
  // Windows has no Unix socket files: a named pipe per directory (it vanishes with its process).
  if (process.platform === 'win32') return `\\\\.\\pipe\\ikon-lock-${createHash('sha256').update(fs.realpathSync(dataDir).toLowerCase()).digest('hex').slice(0, 16)}`;
  const direct = path.join(dataDir, lockName);
  if (Buffer.byteLength(direct) <= maxSocketPath) return direct;
  const real = fs.realpathSync(dataDir);
  const link = path.join(os.tmpdir(), `ikon-lock-${createHash('sha256').update(real).digest('hex').slice(0, 16)}`);
  let target: string | undefined;
  try {
    target = fs.readlinkSync(link);
  } catch {
    // missing: created below
  }
  if (target !== real) {
    fs.rmSync(link, { force: true });
    try {
      fs.symlinkSync(real, link, 'dir');
    } catch (err) {
      // A concurrent start made the same link to the same directory.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || fs.readlinkSync(link) !== real) throw err;
    }
  }
  return path.join(link, lockName);
}
