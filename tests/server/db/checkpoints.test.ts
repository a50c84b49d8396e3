import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/database';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('checkpoints', () => {
  it('leaves commits in the log while writes go on, and copies them into the file once they pause', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'readproof-checkpoints-'));
    folders.push(folder);
    const path = join(folder, 'test.sqlite');
    const db = await openDatabase(path);
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        db,
      );
      expect(rows[0]?.wal_autocheckpoint).toBe(0);
      const fileSize = () => statSync(path).size;
      const before = fileSize();
      const page = 'x'.repeat(4000);
      for (let id = 100; id < 400; id += 1) {
        await db.insertInto('write_probes').values({ id, probed_at: page }).execute();
      }
      // No commit has copied the log into the file (SQLite would have by 1,000 pages).
      expect(fileSize()).toBe(before);
      const deadline = Date.now() + 5000;
      // A checkpoint copies page by page: wait for all of it, not for the first page.
      const copied = before + 300 * 4000;
      while (fileSize() <= copied && Date.now() < deadline) await delay(100);
      expect(fileSize()).toBeGreaterThan(copied);
    } finally {
      await db.destroy();
    }
    const reopened = await openDatabase(path);
    try {
      const { rows } = await sql<{
        count: number;
      }>`select count(*) as count from write_probes where id >= 100`.execute(reopened);
      expect(rows[0]?.count).toBe(300);
    } finally {
      await reopened.destroy();
    }
  });
});
