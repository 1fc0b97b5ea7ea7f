import { prepareTestDatabases } from '../test/support/databases.js';

const started = Date.now();
await prepareTestDatabases();
console.log(`test databases ready (PGlite data directories, PostgreSQL templates) in ${Date.now() - started} ms`);
