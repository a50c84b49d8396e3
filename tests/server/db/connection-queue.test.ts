import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/database';

describe("SQLite's one connection", () => {
  it('is lent in the order it was asked for, once the transaction holding it ends', async () => {
    const db = await openDatabase(':memory:');
    try {
      const finished: string[] = [];
      let endTransaction = () => {};
      const transactionEnds = new Promise<void>((end) => (endTransaction = end));
      let transactionStarted = () => {};
      const started = new Promise<void>((start) => (transactionStarted = start));
      const transaction = db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        transactionStarted();
        await transactionEnds;
        finished.push('transaction');
      });
      await started;
      const queries = Array.from({ length: 50 }, (_, index) =>
        sql<{ n: number }>`select ${index} as n`
          .execute(db)
          .then(({ rows }) => finished.push(`query ${rows[0]?.n}`)),
      );
      // Asked for while the 50 wait: it comes after them.
      const late = db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        finished.push('late transaction');
      });

      endTransaction();
      await Promise.all([transaction, late, ...queries]);

      expect(finished).toEqual([
        'transaction',
        ...Array.from({ length: 50 }, (_, index) => `query ${index}`),
        'late transaction',
      ]);
    } finally {
      await db.destroy();
    }
  });
});
