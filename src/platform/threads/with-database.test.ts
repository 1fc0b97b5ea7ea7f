import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../test/support/harness.js';
import { failWithDatabaseError } from './testing.js';

describeEachDb('Database work in the task thread', (t) => {
  test("a database error comes back with PostgreSQL's fields, as it would on the request thread", async () => {
    const error = await failWithDatabaseError(t().db).then(
      () => assert.fail('select 1/0 succeeded'),
      (e: unknown) => e as Error,
    );
    // drizzle wraps the driver's error: the request thread looks through `cause`, as papers.ts does.
    const database = (error.cause ?? error) as Error & { code?: string; severity?: string };
    assert.match(database.message, /division by zero/);
    assert.equal(database.code, '22012', 'the SQLSTATE the request thread decides by (a unique violation is 23505)');
    assert.equal(database.severity, 'ERROR');
  });
});
