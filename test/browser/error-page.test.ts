import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { browserSuite, mainText, visit } from '../support/browser.js';

const suite = browserSuite();

// This file has a server and database of its own: the test breaks the database on purpose.
suite.test('Bei einem internen Fehler sieht eine Bürgerin eine ruhige deutsche Fehlerseite ohne Technik', async (page) => {
  await visit(page, '/k/musterland/suche?q=Kita');
  await suite.database.db.execute(sql`alter table measures rename to measures_unavailable`);
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    await visit(page, '/k/musterland/suche?q=Sprachkurs', { status: 500 });
  } finally {
    console.error = original;
  }
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Interner Fehler');
  const text = await mainText(page);
  assert.match(text, /Ihre Eingaben wurden nicht gespeichert/);
  assert.doesNotMatch(await page.content(), /measures_unavailable|relation|at \w+ \(/, 'no stack trace or SQL reaches the page');
  assert.ok(errors.length > 0, 'the error is logged for operators');
});
