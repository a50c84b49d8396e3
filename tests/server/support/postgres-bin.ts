import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finding PostgreSQL's programs, apart from starting them, so vite.config.ts can ask whether the
 * PostgreSQL runs can happen without loading a database client. Debian's `postgresql` package
 * puts `initdb` in /usr/lib/postgresql/<version>/bin, which is not on PATH, so that is searched too.
 */

export const MISSING_POSTGRES_MESSAGE =
  'The PostgreSQL runs of the server tests were skipped: initdb and postgres were not found (on PATH or in /usr/lib/postgresql/*/bin). Install them with `apt-get install -y postgresql` to run them.';

/** The folder holding initdb and postgres, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'postgres')));
  if (onPath) return onPath;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const newest = readdirSync(debian)
    .filter((version) => existsSync(join(debian, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(debian, newest, 'bin');
}
