/**
 * The real consumer of ikon's documents: headless LibreOffice (soffice) and poppler's pdftoppm.
 *
 *   const pdf = await convertDocument(docxBytes, 'bericht.docx', 'pdf');          // opens + converts
 *   const csv = await resaveSpreadsheet(xlsxBytes, 'export.xlsx', 'csv', 'en-US'); // "32,000.00"
 *   const pngs = await pdfPages(pdf, { last: 2 });                                 // for a person to look at
 *
 * Every call starts its own soffice with a fresh profile (-env:UserInstallation) in a temporary
 * folder, so calls run in parallel and never meet an instance the user or another test has open.
 * Each start costs CPU (0.15–0.25 s; see freshProfile): convert several files of one locale and
 * target in one call (`convertDocuments`, `resaveSpreadsheets`).
 * The profile fixes the locale (ooSetupSystemLocale: number and date formats; ooLocale: UI), so
 * a test can play "a coordinator with German LibreOffice" and "a colleague with English settings".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type OfficeLocale = 'de-DE' | 'en-US';

/** Windows language ids, which LibreOffice's CSV filter takes for "the language of the numbers". */
const languageId: Record<OfficeLocale, number> = { 'de-DE': 1031, 'en-US': 1033 };

/** soffice and pdftoppm on PATH (Debian: libreoffice-calc-nogui, libreoffice-writer-nogui, poppler-utils). */
export async function officeAvailable(): Promise<boolean> {
  return (await onPath('soffice')) && (await onPath('pdftoppm'));
}

async function onPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      await fs.access(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/**
 * Skip reason for node:test when LibreOffice is missing on a developer's machine. In CI (`CI`
 * set; `.ci/run` installs it) nothing is skipped: a missing soffice fails the tests loudly.
 */
export const officeMissing = async () => (process.env.CI || (await officeAvailable()) ? false : 'LibreOffice (soffice) or pdftoppm is not installed');

const registryItem = (path: string, name: string, value: string) =>
  `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;

/**
 * The installed LibreOffice's version ("7.4"), asked once per process. At the first start after an
 * install or upgrade (the profile's ooSetupLastVersion older than the program) LibreOffice runs its
 * graphics render tests: 100 drawings on 4096-pixel bitmaps, ~0.6 s of CPU. A fresh profile has no
 * last version, so every conversion ran them (session 9: a start 0.8 s of CPU before, 0.15–0.25 s
 * after). A profile that has seen this version is also what a person's LibreOffice has.
 */
let installedVersion: Promise<string | undefined> | undefined;
const officeVersion = () =>
  (installedVersion ??= run('soffice', ['--version']).then(
    ({ output }) => /LibreOffice (\d+\.\d+)/.exec(output)?.[1],
    () => undefined,
  ));

/**
 * A fresh profile in `dir` whose locale is set before the first start (the same keys Tools ▸
 * Options ▸ Languages writes); returns its URL for -env:UserInstallation.
 */
export async function freshProfile(dir: string, locale: OfficeLocale): Promise<string> {
  const user = path.join(dir, 'profile', 'user');
  await fs.mkdir(user, { recursive: true });
  const version = await officeVersion();
  const items = [
    registryItem('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', locale),
    registryItem('/org.openoffice.Setup/L10N', 'ooLocale', locale),
    registryItem('/org.openoffice.Office.Linguistic/General', 'DefaultLocale', locale),
    registryItem('/org.openoffice.Office.Common/Misc', 'FirstRun', 'false'),
    ...(version ? [registryItem('/org.openoffice.Setup/Product', 'ooSetupLastVersion', version)] : []),
  ];
  await fs.writeFile(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${items.join('\n')}\n</oor:items>\n`,
  );
  return pathToFileURL(path.join(dir, 'profile')).href;
}

/** Hang protection only (a stuck soffice would otherwise block the run); conversions take seconds. */
const killAfterMs = 180_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', (e) => (clearTimeout(guard), reject(e)));
    child.on('close', (code) => (clearTimeout(guard), resolve({ code, output })));
  });
}

export interface ConvertOptions {
  /** Locale of the fresh profile; default de-DE (the users' LibreOffice). */
  locale?: OfficeLocale;
  /** soffice --infilter, e.g. a CSV import filter with options (see csvImportFilter). */
  inputFilter?: string;
}

/**
 * Opens `bytes` (named `fileName`, whose extension tells LibreOffice the type) and writes it as
 * `target`: an extension ("pdf", "png", "xlsx") or a full --convert-to string ("csv:Text - txt -
 * csv (StarCalc):…"). Throws with soffice's output when it could not open or write the file.
 */
export async function convertDocument(bytes: Uint8Array, fileName: string, target: string, opts: ConvertOptions = {}): Promise<Buffer> {
  const [written] = await convertDocuments([{ bytes, fileName }], target, opts);
  return written!;
}

export interface OfficeFile {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Several files opened and written as `target` by one soffice (it takes many input files per
 * call): a start costs more CPU than opening and writing a small file (session 9: three small
 * files in one call cost the same as one). `opts.inputFilter` applies to every
 * file. The results are in the order of `files`.
 */
export async function convertDocuments(files: OfficeFile[], target: string, opts: ConvertOptions = {}): Promise<Buffer[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ikon-office-'));
  try {
    const profile = await freshProfile(dir, opts.locale ?? 'de-DE');
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    await fs.mkdir(inDir);
    const stem = (name: string) => path.basename(name, path.extname(name));
    // soffice names each output after its input: files of the same stem ("massnahmen.xlsx" and
    // "massnahmen.csv") would overwrite each other's result, so those get a number in front.
    const clash = new Set(files.map((f) => stem(f.fileName))).size < files.length;
    const inputs = files.map((f, i) => path.join(inDir, `${clash ? `${i + 1}-` : ''}${path.basename(f.fileName)}`));
    await Promise.all(files.map((f, i) => fs.writeFile(inputs[i]!, f.bytes)));
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo'];
    if (opts.inputFilter) args.push(`--infilter=${opts.inputFilter}`);
    args.push('--convert-to', target, '--outdir', outDir, ...inputs);
    // HOME inside the temporary folder: soffice must not touch (or wait on) the user's settings.
    const { code, output } = await run('soffice', args, { ...process.env, HOME: dir, SAL_USE_VCLPLUGIN: 'svp' });
    const ext = target.split(':')[0]!;
    return await Promise.all(
      inputs.map(async (input, i) => {
        const written = await fs.readFile(path.join(outDir, `${stem(input)}.${ext}`)).catch(() => undefined);
        if (code !== 0 || !written || written.length === 0) {
          throw new Error(`LibreOffice could not convert ${files[i]!.fileName} to ${target} (exit ${code}):\n${output}`);
        }
        return written;
      }),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The CSV filter string LibreOffice uses to write (or read) a ;-separated UTF-8 file. `asShown`:
 * numbers are written as the cells display them in the locale ("32.000,00" / "32,000.00"), as a
 * person's "Speichern unter … CSV" does. `detectSpecialNumbers` (import): dates and numbers with
 * grouping are recognised, so "1.1.1" becomes a date in a German locale.
 */
export function csvFilter(locale: OfficeLocale, opts: { asShown?: boolean; detectSpecialNumbers?: boolean } = {}): string {
  const tokens = [59, 34, 76, 1, '', languageId[locale], false, opts.detectSpecialNumbers ?? true, opts.asShown ?? true];
  return `Text - txt - csv (StarCalc):${tokens.join(',')}`;
}

/**
 * A spreadsheet opened in LibreOffice with the given locale and saved again as CSV or XLSX: what a
 * coordinator's colleague does before sending the file back. A CSV input is read with that
 * locale's number and date recognition (special numbers on, as in the text import dialog).
 */
export async function resaveSpreadsheet(bytes: Uint8Array, fileName: string, as: 'csv' | 'xlsx', locale: OfficeLocale): Promise<Buffer> {
  const [saved] = await resaveSpreadsheets([{ bytes, fileName, as }], locale);
  return saved!;
}

/**
 * `resaveSpreadsheet` for several files at once in one locale: one soffice per output format and
 * kind of input (CSV files are read with the locale's CSV filter, the others by their type), so
 * at most four instead of one per file. The results are in the order of `files`.
 */
export async function resaveSpreadsheets(files: (OfficeFile & { as: 'csv' | 'xlsx' })[], locale: OfficeLocale): Promise<Buffer[]> {
  const groups = new Map<string, number[]>();
  for (const [i, f] of files.entries()) {
    const key = `${f.as}${/\.csv$/i.test(f.fileName) ? ' from csv' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const results: Buffer[] = new Array(files.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const first = files[indexes[0]!]!;
      const inputFilter = /\.csv$/i.test(first.fileName) ? csvFilter(locale) : undefined;
      const target = first.as === 'csv' ? `csv:${csvFilter(locale)}` : 'xlsx:Calc MS Excel 2007 XML';
      const written = await convertDocuments(indexes.map((i) => files[i]!), target, { locale, inputFilter });
      indexes.forEach((i, k) => (results[i] = written[k]!));
    }),
  );
  return results;
}

/** PDF pages as PNG images (pdftoppm), e.g. to look at a report once; pages are 1-based and inclusive. */
export async function pdfPages(pdf: Uint8Array, opts: { first?: number; last?: number; dpi?: number } = {}): Promise<Buffer[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ikon-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fs.writeFile(input, pdf);
    const args = ['-png', '-r', String(opts.dpi ?? 60)];
    if (opts.first) args.push('-f', String(opts.first));
    if (opts.last) args.push('-l', String(opts.last));
    const { code, output } = await run('pdftoppm', [...args, input, path.join(dir, 'page')]);
    if (code !== 0) throw new Error(`pdftoppm failed (exit ${code}):\n${output}`);
    const pages = (await fs.readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    return Promise.all(pages.map((p) => fs.readFile(path.join(dir, p))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's fields ("Pages", "Tagged", "Title", …) of a PDF. */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ikon-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fs.writeFile(input, pdf);
    const { code, output } = await run('pdfinfo', [input]);
    if (code !== 0) throw new Error(`pdfinfo failed (exit ${code}):\n${output}`);
    return Object.fromEntries(output.split('\n').map((l) => /^([^:]+):\s*(.*)$/.exec(l)).filter((m) => !!m).map((m) => [m[1]!.trim(), m[2]!.trim()]));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
