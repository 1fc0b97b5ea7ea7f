/**
 * Checks an XLIFF document against the official OASIS XLIFF 2.0 core schema
 * (`test/support/schemas/xliff_core_2.0.xsd`, see the README there) with libxml2's `xmllint`
 * (Debian: libxml2-utils; `.ci/run` installs it). The schema imports the xml: namespace schema
 * from w3.org; the catalog beside it resolves that to a local copy, and `--nonet` keeps it so.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const schemas = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');

async function xmllintAvailable(): Promise<boolean> {
  try {
    await promisify(execFile)('xmllint', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Skip reason for node:test when xmllint is missing locally; in CI (`CI` set) a missing xmllint fails loudly. */
export const xmllintMissing = async () => (process.env.CI || (await xmllintAvailable()) ? false : 'xmllint (libxml2-utils) is not installed');

/** Validates `xml`; `valid` is xmllint's verdict, `messages` its complaints (one per line). */
export function validateXliff(xml: string): Promise<{ valid: boolean; messages: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', ['--nonet', '--noout', '--schema', path.join(schemas, 'xliff_core_2.0.xsd'), '-'], {
      env: { ...process.env, XML_CATALOG_FILES: path.join(schemas, 'catalog.xml') },
    });
    let messages = '';
    child.stderr.on('data', (d: Buffer) => (messages += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ valid: code === 0, messages: messages.trim() }));
    child.stdin.end(xml, 'utf8');
  });
}
