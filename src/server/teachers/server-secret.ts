import { randomBytes } from 'node:crypto';
import type { AppDatabase } from '../db/database';

/** Bytes of a generated secret: 256 bits, HMAC-SHA256's own strength. */
const SECRET_BYTES = 32;

/**
 * The secret `name` kept in the database, made on first use, so that what it signs (device
 * cookies) stays valid across restarts without any configuration. Two processes asking at once
 * get the same one: the first insert wins and both read it back.
 */
export async function loadServerSecret(
  db: AppDatabase,
  name: string,
  now: () => Date,
): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({
      name,
      value: randomBytes(SECRET_BYTES).toString('base64'),
      created_at: now().toISOString(),
    })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
