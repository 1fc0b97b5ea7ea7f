// @ts-check
// Queries on PGlite as named prepared statements (issue 9.2, session 11). PGlite's own `query`
// sends every statement unnamed, as six protocol messages, each its own call into WebAssembly
// and its own parsing of the answer: PostgreSQL parses, analyses and plans the statement every
// time, and planning asks the file system for each relation's size (an fstat per relation under
// Emscripten's NODEFS). Here a statement's text is parsed and described once (`Parse` with a
// name, `Describe`), and every execution is one call: `Bind`, `Describe` of the portal,
// `Execute`, `Sync`. PostgreSQL's plan cache then plans the first five executions for their
// parameters and keeps a generic plan after that where it costs no more, as for any client
// that prepares statements (pgx, JDBC).
//
// Results and errors are PGlite's own (its parsers and serializers, `parseResults`, the same
// DatabaseError with `query` and `params`); the same mutexes as PGlite's `query`, so nothing runs
// inside another caller's transaction. Only plain data statements are prepared; any other (DDL,
// VACUUM, SET, …) and every `exec` goes through PGlite as before. One that may change a table
// (anything but VACUUM, SET, transaction control, LISTEN/NOTIFY) drops the prepared statements
// (DEALLOCATE ALL before the next one outside a transaction; inside the transaction statements
// run unnamed until then), so a changed table never meets a statement prepared for its old shape.
// Prepared statements survive a ROLLBACK (PostgreSQL's are not transactional).
import { parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;
const data = /^\s*(select|insert|update|delete|with)\b/i;
/** Statements that change nothing a prepared statement depends on. */
const harmless = /^\s*(select|insert|update|delete|with|vacuum|analyze|set|reset|show|begin|commit|rollback|savepoint|release|listen|unlisten|notify)\b/i;
/**
 * More prepared statements than this and the one used longest ago is closed. A prepared statement
 * with its generic plan holds ~30 kB of PostgreSQL's memory (300 joins of two tables: +8.8 MB of
 * memory contexts), and PGlite's WebAssembly heap never shrinks: at most ~15 MB.
 */
const maxStatements = 500;

/**
 * @param {import('@electric-sql/pglite').PGlite} pglite
 */
export function preparedStatements(pglite) {
  /** Prepared statements by text: their name and parameter types; in order of last use. */
  const statements = new Map();
  let names = 0;
  /** Set when a statement may have changed the schema: the prepared statements are dropped before the next one is used. */
  let stale = false;
  /** Merged parsers by the parsers object a query brings (PGlite merges ~200 entries on every query). */
  const merged = new WeakMap();

  const concat = (/** @type {Uint8Array[]} */ parts) => {
    let length = 0;
    for (const part of parts) length += part.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  const withQuery = (/** @type {any} */ error, /** @type {string} */ text, /** @type {unknown[]} */ params, /** @type {any} */ options) => {
    if (error && typeof error === 'object' && 'severity' in error) Object.assign(error, { query: text, params, queryOptions: options });
    return error;
  };

  /** Parses and describes `text` as the statement `name` ('' = unnamed); its parameters' types. */
  async function prepare(/** @type {string} */ name, /** @type {string} */ text) {
    const { messages } = await pglite.execProtocol(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
    return { name, types: parse.parseDescribeStatementResults(messages) };
  }

  /** Runs under PGlite's query mutex (the caller holds the transaction mutex where needed). */
  async function execute(/** @type {string} */ text, /** @type {unknown[]} */ params, /** @type {any} */ options) {
    let statement;
    if (stale && pglite.isInTransaction()) {
      statement = await prepare('', text); // the schema may have changed in this transaction: nothing prepared before is used
    } else {
      if (stale) {
        await pglite.execProtocol(serialize.query('deallocate all'), { syncToFs: false });
        statements.clear();
        stale = false;
      }
      statement = statements.get(text);
      if (statement) {
        statements.delete(text);
        statements.set(text, statement);
      } else {
        statement = await prepare(`ikon_${++names}`, text);
        statements.set(text, statement);
        if (statements.size > maxStatements) {
          const [oldText, oldest] = statements.entries().next().value;
          statements.delete(oldText); // used longest ago
          await pglite.execProtocol(concat([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]), { syncToFs: false });
        }
      }
    }
    const types = statement.types;
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = options?.serializers?.[types[i]] ?? pglite.serializers[types[i]];
      return serializer ? serializer(param) : String(param);
    });
    const message = concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]);
    const { messages } = await pglite.execProtocol(message, { syncToFs: false });
    let parsers = pglite.parsers;
    if (options?.parsers) {
      parsers = merged.get(options.parsers);
      if (!parsers) merged.set(options.parsers, (parsers = { ...pglite.parsers, ...options.parsers }));
    }
    return parse.parseResults(messages, parsers, { rowMode: options?.rowMode })[0];
  }

  /**
   * `query` of PGlite (`tx` given: of that open transaction) with the statement prepared once.
   * @param {string} text @param {unknown[] | undefined} params @param {any} options @param {any} [tx]
   */
  async function query(text, params, options, tx) {
    if (!data.test(text) || options?.blob || options?.paramTypes) {
      if (!harmless.test(text)) stale = true;
      return (tx ?? pglite).query(text, params, options);
    }
    const run = async () => {
      try {
        return await execute(text, params ?? [], options);
      } catch (error) {
        throw withQuery(error, text, params, options);
      }
    };
    if (tx) {
      if (tx.closed) throw new Error('Transaction is closed');
      return pglite.runExclusive(run);
    }
    // As PGlite's own `query`: never inside another caller's transaction, then synced.
    return /** @type {any} */ (pglite)._runExclusiveTransaction(async () => {
      const result = await pglite.runExclusive(run);
      if (!pglite.isInTransaction()) await pglite.syncToFs();
      return result;
    });
  }

  /** `exec` (simple protocol, any statements): through PGlite; prepared statements are dropped before the next one is used. */
  function exec(/** @type {string} */ text, /** @type {any} */ tx) {
    if (!harmless.test(text) || text.includes(';')) stale = true;
    return (tx ?? pglite).exec(text);
  }

  return { query, exec, count: () => statements.size };
}
