import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openPglite } from '../../db/client.js';
import { auditLog } from '../../platform/audit/schema.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import { nodeArgsFor } from '../../../test/support/server-process.js';

/**
 * Runs the CLI in a process of its own, the way an operator would: `npx tsx src/cli.ts …`
 * (`viaNpx`), or for the quick cases the same code as `npm test` compiled it (under tsx each
 * start cost ~2.5 s more CPU, session 9).
 */
function cli(args: string[], env: Record<string, string>, viaNpx = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, prefix] = viaNpx ? ['npx', ['tsx', 'src/cli.ts']] : [process.execPath, nodeArgsFor('src/cli.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli', () => {
  let dataDir: string;
  const password = 'Ein langes Admin-Passwort 2026';
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-cli-'));
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('help explains the commands in German', async () => {
    const res = await cli(['help'], {});
    assert.equal(res.code, 0);
    assert.match(res.stdout, /create-admin --email/);
    assert.match(res.stdout, /IKON_ADMIN_PASSWORD/);
    const unknown = await cli(['gibt-es-nicht'], {});
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unbekannter Befehl/);
  });

  test('create-admin with bad input leaves a fresh data directory untouched', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-cli-fresh-'));
    try {
      const env = { DATA_DIR: fresh, IKON_DEMO: '0', IKON_ADMIN_PASSWORD: password };
      const badEmail = await cli(['create-admin', '--email', 'keine-adresse', '--name', 'X'], env);
      assert.equal(badEmail.code, 1);
      assert.match(badEmail.stderr, /Bitte eine gültige E-Mail-Adresse eingeben/);
      const weak = await cli(['create-admin', '--email', 'neu@kreis.example', '--name', 'Neu'], { ...env, IKON_ADMIN_PASSWORD: 'kurz' });
      assert.equal(weak.code, 1);
      assert.match(weak.stderr, /Das Passwort muss mindestens 12 Zeichen lang sein/);
      assert.deepEqual(fs.readdirSync(fresh), [], 'no database was created or migrated for input that was refused');
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('create-admin creates a platform admin on a fresh PGlite installation', async () => {
    const env = { DATA_DIR: dataDir, IKON_DEMO: '0', IKON_ADMIN_PASSWORD: password };
    const res = await cli(['create-admin', '--email', 'Betrieb@Kreis.example', '--name', 'Bernd Betrieb'], env, true);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Konto für die Plattform-Administration angelegt: Bernd Betrieb <betrieb@kreis\.example>/);

    const again = await cli(['create-admin', '--email', 'betrieb@kreis.example', '--name', 'Bernd'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /Es gibt schon ein Konto mit dieser E-Mail-Adresse/);

    const weak = await cli(['create-admin', '--email', 'zweite@kreis.example', '--name', 'Zweite'], { ...env, IKON_ADMIN_PASSWORD: 'kurz' });
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /Das Passwort muss mindestens 12 Zeichen lang sein/);

    const badEmail = await cli(['create-admin', '--email', 'keine-adresse', '--name', 'X'], env);
    assert.equal(badEmail.code, 1);
    assert.match(badEmail.stderr, /Bitte eine gültige E-Mail-Adresse eingeben/);

    const database = await openPglite(path.join(dataDir, 'pglite'));
    try {
      const rows = await database.db.select().from(users);
      assert.equal(rows.length, 1, 'only the valid admin was created');
      const [user] = rows;
      assert.equal(user!.email, 'betrieb@kreis.example');
      assert.equal(user!.name, 'Bernd Betrieb');
      assert.equal(user!.isPlatformAdmin, true);
      assert.ok(await verifyPassword(user!.passwordHash, password));
      const entries = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user!.id));
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.action, 'create');
      assert.equal(entries[0]!.tenantId, null);
    } finally {
      await database.close();
    }
  });
});
