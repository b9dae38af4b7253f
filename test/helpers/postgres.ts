import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { DAILY_HEADER } from './engines.js';
import { skipUnless } from './skip.js';

/*
 * The PostgreSQL server of the tests: `EF_POSTGRES_URL` names it (`.ci/run`
 * starts a throwaway cluster; `scripts/postgres-cluster.sh` starts one by
 * hand). Each test file works in a schema of its own, dropped after it.
 */

let pgInstalled = true;
try {
  createRequire(import.meta.url).resolve('pg');
} catch {
  pgInstalled = false;
}

/** The server's URL, when the tests have one. */
export const POSTGRES_URL = process.env.EF_POSTGRES_URL ?? '';

/** Whether to skip the PostgreSQL tests (a failure under `EF_REQUIRE_ALL=1`). */
export function skipPostgres(): boolean {
  return (
    skipUnless(pgInstalled, 'pg (an optional peer dependency)') ||
    skipUnless(POSTGRES_URL !== '', 'a PostgreSQL server (EF_POSTGRES_URL; .ci/run and scripts/postgres-cluster.sh start one)')
  );
}

/** A client of the test server with a query that takes parameters, ended with `end()`. */
export interface TestClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

/** A client of the test server. */
export async function connect(): Promise<TestClient> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  return client as unknown as TestClient;
}

/**
 * A schema of the test file's own (its name has a space and a quote, so
 * that every use must quote it), created before its tests and dropped after.
 */
export function testSchema(prefix: string): string {
  const schema = `${prefix} "${process.pid}"`;
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  beforeAll(async () => {
    const c = await connect();
    await c.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted}`);
    await c.end();
  });
  afterAll(async () => {
    const c = await connect();
    await c.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
    await c.end();
  });
  return schema;
}

/** Creates `schema.table` with the daily columns as text and inserts the records (`csvRecords`), all in one statement. */
export async function loadTextTable(schema: string, table: string, records: readonly string[][]): Promise<void> {
  const columns = DAILY_HEADER.split(',');
  const name = `"${schema.replaceAll('"', '""')}"."${table.replaceAll('"', '""')}"`;
  const c = await connect();
  try {
    await c.query(`CREATE TABLE ${name} (${columns.map((x) => `${x} text`).join(', ')})`);
    await c.query(
      `INSERT INTO ${name} SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})`,
      columns.map((_, i) => records.map((r) => r[i])),
    );
  } finally {
    await c.end();
  }
}
