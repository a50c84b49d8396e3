import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { AppDatabase } from './database';

/** A statement compiled once per database handle, run with new parameters each time. */
export interface ReusableStatement<Name extends string> {
  run(db: AppDatabase, values: Record<Name, unknown>): Promise<QueryResult<unknown>>;
}

/**
 * Compiles `build`'s statement once per database (its transactions share its dialect's adapter,
 * so one compilation serves them too), with a marker standing for each named parameter, and then
 * runs it with the values given. Building a statement through Kysely's query builder cost
 * autosave more than running it; the compiled SQL stays the dialect's own.
 */
export function reuseStatement<Name extends string>(
  names: readonly Name[],
  build: (db: AppDatabase, param: (name: Name) => string) => Compilable,
): ReusableStatement<Name> {
  const marker = (name: Name) => `\u0000${name}`;
  const compiled = new WeakMap<object, CompiledQuery>();
  return {
    run(db, values) {
      const { adapter } = db.getExecutor();
      let query = compiled.get(adapter);
      if (!query) {
        query = build(db, marker).compile();
        const markers = new Set(names.map(marker));
        const unused = names.filter((name) => !query?.parameters.includes(marker(name)));
        if (unused.length > 0) throw new Error(`Parameters never used: ${unused.join(', ')}`);
        if (!query.parameters.some((value) => markers.has(value as string))) {
          throw new Error('A reusable statement without parameters');
        }
        compiled.set(adapter, query);
      }
      const parameters = query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith('\u0000')
          ? values[value.slice(1) as Name]
          : value,
      );
      return db.executeQuery({ ...query, parameters });
    },
  };
}
