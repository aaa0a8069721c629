/**
 * PostgreSQL (the `pg` client) as the engine of a decision log: `postgresql://user:password@host:port/db?table=NAME`
 * (`table` may be `schema.table`; `schema=NAME` also works). The session is read-only
 * (default_transaction_read_only), in UTC. The password is used to connect and nowhere else: the label messages and
 * citations show is the URL without it, and an error is rethrown with the password replaced.
 */
import pg from 'pg';
import { POSTGRESQL, quoteIdent } from '../../shared/warehouse/sql-dialect.js';
import { plainValue, type SqlEngine } from './sql-engine.js';

const INT8 = 20;

/** The URL parts the client gets, the relation, and the label without the password. */
export function parsePostgresUrl(spec: string): {
  readonly connectionString: string;
  readonly password: string;
  readonly relation: string;
  readonly label: string;
} {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error('a PostgreSQL source is postgresql://user:password@host:port/database?table=NAME: not a URL');
  }
  const password = decodeURIComponent(url.password);
  const table = url.searchParams.get('table');
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('table');
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  url.password = '';
  const label = `${url.toString()}${url.search ? '&' : '?'}table=${schema ? `${schema}.` : ''}${table ?? ''}`;
  if (!table) throw new Error(`${label}: names no table (add ?table=NAME)`);
  const parts = [...(schema ? [schema] : []), ...table.split('.')];
  return { connectionString, password, relation: parts.map(quoteIdent).join('.'), label };
}

/**
 * The columns of each unique index of the relation ($1, as quoted in queries) that holds for every row: a primary key
 * or a unique constraint, not a partial or expression index, nor one still being built. None for a view.
 */
const UNIQUE_KEYS =
  'SELECT array_agg(CAST(a.attname AS TEXT) ORDER BY k.ord) AS columns FROM pg_index i ' +
  'CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ' +
  'JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ' +
  'WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL ' +
  'GROUP BY i.indexrelid ORDER BY 1';

/** Connects read-only; throws an Error naming the label (never the password) when the server refuses. */
export async function openPostgres(spec: string): Promise<SqlEngine> {
  const { connectionString, password, relation, label } = parsePostgresUrl(spec);
  const hide = (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    return new Error(`${label}: ${password ? text.split(password).join('***') : text}`);
  };
  const client = new pg.Client({
    connectionString,
    options: '-c default_transaction_read_only=on -c TimeZone=UTC',
    // A server that does not answer is named as unreachable rather than waited on for minutes.
    connectionTimeoutMillis: 20_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (v: string) => (Number.isSafeInteger(Number(v)) ? Number(v) : v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw hide(error);
  }
  const query = async (text: string, params: ReadonlyArray<unknown> = []) => {
    try {
      return await client.query(text, params as unknown[]);
    } catch (error) {
      throw hide(error);
    }
  };
  return {
    dialect: POSTGRESQL,
    from: relation,
    label,
    columns: async () => (await query(`SELECT * FROM ${relation} LIMIT 0`)).fields.map((f) => f.name),
    query: async (q) => (await query(q.text, q.params)).rows.map((row) => plainValue(row) as Record<string, unknown>),
    uniqueKeys: async () => (await query(UNIQUE_KEYS, [relation])).rows.map((r) => r.columns as string[]),
    close: () => client.end(),
  };
}
