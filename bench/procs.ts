// Child-process helpers for the benchmark: free ports, spawning, waiting, RSS, cleanup.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const children = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Spawns a long-running child; its output goes to stderr with a prefix so stdout stays JSON only. */
export function startChild(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) process.stderr.write(`[${label}] ${line}\n`);
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  return child;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}/healthz did not answer within ${timeoutMs} ms`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Last resort on process exit: synchronous SIGKILL of anything still running. */
export function killAllSync(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}

/** Resident set size of a process in MB, from /proc/<pid>/status (Linux). */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

export interface LoadResult {
  requestsPerSec: number;
  requestsTotal: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  bytesPerSec: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs bench/load.mjs (autocannon) in a separate process and parses its JSON line. */
export function runLoad(url: string, durationSec = 10, connections = 10, cookie?: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (cookie) env.LOAD_COOKIE = cookie;
    else delete env.LOAD_COOKIE;
    const child = spawn(process.execPath, ['bench/load.mjs', url, String(connections), String(durationSec)], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`load.mjs exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(new Error(`could not parse load.mjs output: ${out}`));
      }
    });
  });
}
