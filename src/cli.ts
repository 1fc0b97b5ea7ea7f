// Administration on the command line: `npm run cli -- <command> [options]`. Uses the same
// configuration and database as the server (loadConfig → openDatabase → runMigrations).
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import path from 'node:path';
import { BackupError, checkBackupTarget, checkRestoreFile, restoreBackup, writeBackup } from './db/backup.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { runMigrations } from './db/migrate.js';
import { systemUser } from './platform/auth/current-user.js';
import { AppError } from './platform/errors.js';
import { translator } from './platform/i18n/i18n.js';
import { modules } from './modules/index.js';
import { useModules } from './platform/module.js';
import { checkPlatformAdminInput, createPlatformAdmin } from './modules/tenants/members.js';

useModules(modules);
const t = translator('de');

class CliError extends Error {}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write(question);
  // Mute the echo of typed characters (readline writes them through this method).
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function adminPassword(): Promise<{ password: string; repeat: string }> {
  const fromEnv = process.env.IKON_ADMIN_PASSWORD;
  if (fromEnv) return { password: fromEnv, repeat: fromEnv };
  if (!process.stdin.isTTY) throw new CliError(t('cli.no_password'));
  const password = await promptHidden(t('cli.password_prompt'));
  const repeat = await promptHidden(t('cli.password_repeat_prompt'));
  return { password, repeat };
}

function describe(error: AppError): string {
  if (error.fieldErrors.length === 0) return t(error.messageKey, error.options.params);
  return error.fieldErrors
    .map((e) => t('cli.field_error', { field: t(`cli.field.${e.field}`), message: t(e.messageKey, e.params) }))
    .join('\n');
}

async function createAdmin(args: string[]): Promise<void> {
  let values: { email?: string | undefined; name?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new CliError(t('cli.bad_options', { detail: (error as Error).message }));
  }
  const { password, repeat } = await adminPassword();
  if (password !== repeat) throw new CliError(t('cli.field_error', { field: t('cli.field.passwordRepeat'), message: t('validation.password_mismatch') }));
  const input = { email: values.email, name: values.name, password };
  checkPlatformAdminInput(input); // before the database: bad input leaves a fresh data directory untouched
  const config = loadConfig();
  let database: Database | undefined;
  try {
    database = await openDatabase(config);
    await runMigrations(database);
    const user = await createPlatformAdmin({ db: database.db, user: systemUser }, input);
    console.log(t('cli.admin_created', { name: user.name, email: user.email }));
    console.log(t('cli.sign_in_at', { url: `${config.publicUrl}/anmelden` }));
  } finally {
    await database?.close();
  }
}

/** `backup FILE [--force]` and `restore FILE [--force]`: see src/db/backup.ts and docs/operations.md. */
async function backupOrRestore(command: 'backup' | 'restore', args: string[]): Promise<void> {
  let parsed: { values: { force?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { force: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(t('cli.bad_options', { detail: (error as Error).message }));
  }
  const [given, ...extra] = parsed.positionals;
  if (!given || extra.length) throw new CliError(t('cli.file_missing', { command }));
  const file = path.resolve(given);
  const force = parsed.values.force === true;
  // What can be refused without the database is refused before it is opened (or created).
  if (command === 'backup') checkBackupTarget(file, { force });
  const checked = command === 'restore' ? await checkRestoreFile(file) : undefined;
  const config = loadConfig();
  let database: Database | undefined;
  try {
    database = await openDatabase(config);
    const tables = command === 'backup' ? await writeBackup(database, file, { force }) : await restoreBackup(database, file, { force, checked });
    const rows = Object.values(tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(t(command === 'backup' ? 'cli.backup_done' : 'cli.restore_done', { tables: Object.keys(tables).length, rows, file }));
  } finally {
    await database?.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(t('cli.help'));
        return 0;
      case 'create-admin':
        await createAdmin(rest);
        return 0;
      case 'backup':
      case 'restore':
        await backupOrRestore(command, rest);
        return 0;
      default:
        console.error(t('cli.unknown_command', { command }));
        console.error('');
        console.error(t('cli.help'));
        return 1;
    }
  } catch (error) {
    if (error instanceof CliError) console.error(t('cli.failed', { message: error.message }));
    else if (error instanceof DataDirInUseError) console.error(t('cli.failed', { message: `${error.message}\n${t('cli.stop_server_first')}` }));
    else if (error instanceof AppError) console.error(t('cli.failed', { message: describe(error) }));
    else if (error instanceof BackupError) console.error(t('cli.failed', { message: t(error.key, error.params) }));
    else console.error(t('cli.failed', { message: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
