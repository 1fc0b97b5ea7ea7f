// A process that tries to lock a data directory (src/db/data-dir-lock.ts test): prints
// "got <pid>" and holds the lock until SIGTERM, or prints "busy <holder pid>" and exits 1.
// With "crash" it dies by SIGKILL while holding the lock, leaving a stale lock behind.
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.js';

const [dir, mode] = process.argv.slice(2);
try {
  const lock = await lockDataDir(dir!);
  console.log(`got ${process.pid}`);
  if (mode === 'crash') process.kill(process.pid, 'SIGKILL');
  const keepAlive = setInterval(() => {}, 1 << 30);
  process.once('SIGTERM', () => {
    clearInterval(keepAlive);
    void lock.release().then(() => process.exit(0));
  });
} catch (error) {
  if (!(error instanceof DataDirInUseError)) throw error;
  console.log(`busy ${error.holder?.pid}`);
  process.exit(1);
}
