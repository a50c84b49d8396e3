import type { Article } from '../../domain/article';
import type { ResolvedBank } from '../../domain/resolved-bank';
import type { AppDatabase } from '../db/database';

export interface ContentSnapshot {
  contentVersion: string;
  bank: ResolvedBank;
  article: Article;
}

/** Keeps a bank version and its article, once per version: later saves of the same version do nothing. */
export async function saveContentSnapshot(
  db: AppDatabase,
  snapshot: ContentSnapshot,
  createdAt: Date,
): Promise<void> {
  await db
    .insertInto('content_snapshots')
    .values({
      content_version: snapshot.contentVersion,
      bank_id: snapshot.bank.id,
      article_id: snapshot.article.meta.id,
      bank_json: JSON.stringify(snapshot.bank),
      article_json: JSON.stringify(snapshot.article),
      created_at: createdAt.toISOString(),
    })
    .onConflict((conflict) => conflict.column('content_version').doNothing())
    .execute();
}

export async function getContentSnapshot(
  db: AppDatabase,
  contentVersion: string,
): Promise<ContentSnapshot | undefined> {
  const row = await db
    .selectFrom('content_snapshots')
    .select(['content_version', 'bank_json', 'article_json'])
    .where('content_version', '=', contentVersion)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    contentVersion: row.content_version,
    bank: JSON.parse(row.bank_json) as ResolvedBank,
    article: JSON.parse(row.article_json) as Article,
  };
}
