import type { Selectable } from 'kysely';
import type { AppDatabase } from '../db/database';
import type { AuthoredArticleTable, AuthoredBankTable } from '../db/schema';

/** What is authored: an article (`article.md`) or a bank (YAML); the two have the same shape. */
export type AuthoredKind = 'article' | 'bank';

export type AuthoredDraft = Selectable<AuthoredArticleTable> | Selectable<AuthoredBankTable>;

export interface PublishedVersion {
  version: number;
  text: string;
  publishedAt: string;
}

const draftTable = { article: 'authored_articles', bank: 'authored_banks' } as const;

/** A teacher's draft; another teacher's is undefined like a missing one. */
export async function getOwnArticle(
  db: AppDatabase,
  teacherId: string,
  id: string,
): Promise<Selectable<AuthoredArticleTable> | undefined> {
  return db
    .selectFrom('authored_articles')
    .selectAll()
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
}

export async function getOwnBank(
  db: AppDatabase,
  teacherId: string,
  id: string,
): Promise<Selectable<AuthoredBankTable> | undefined> {
  return db
    .selectFrom('authored_banks')
    .selectAll()
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
}

export async function listOwnArticles(
  db: AppDatabase,
  teacherId: string,
): Promise<Selectable<AuthoredArticleTable>[]> {
  return db
    .selectFrom('authored_articles')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

/** The teacher's banks, or only those on one article. */
export async function listOwnBanks(
  db: AppDatabase,
  teacherId: string,
  articleId?: string,
): Promise<Selectable<AuthoredBankTable>[]> {
  let query = db.selectFrom('authored_banks').selectAll().where('teacher_id', '=', teacherId);
  if (articleId !== undefined) query = query.where('article_id', '=', articleId);
  return query.orderBy('updated_at', 'desc').orderBy('id').execute();
}

/** Whether any teacher has an article (or bank) with this id: ids are global, like file names. */
export async function isAuthoredIdTaken(
  db: AppDatabase,
  kind: AuthoredKind,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(draftTable[kind])
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertArticleDraft(
  db: AppDatabase,
  draft: { id: string; teacherId: string; text: string; at: string },
): Promise<void> {
  await db
    .insertInto('authored_articles')
    .values({
      id: draft.id,
      teacher_id: draft.teacherId,
      draft_text: draft.text,
      revision: 1,
      created_at: draft.at,
      updated_at: draft.at,
    })
    .execute();
}

export async function insertBankDraft(
  db: AppDatabase,
  draft: { id: string; teacherId: string; articleId: string; text: string; at: string },
): Promise<void> {
  await db
    .insertInto('authored_banks')
    .values({
      id: draft.id,
      teacher_id: draft.teacherId,
      article_id: draft.articleId,
      draft_text: draft.text,
      revision: 1,
      created_at: draft.at,
      updated_at: draft.at,
    })
    .execute();
}

/**
 * Saves a draft's text if it is still at `baseRevision` (or unconditionally without one), and
 * returns its new revision; undefined when someone saved in between (or it is not the teacher's).
 */
export async function saveDraft(
  db: AppDatabase,
  kind: AuthoredKind,
  save: { id: string; teacherId: string; text: string; baseRevision?: number; at: string },
): Promise<number | undefined> {
  let query = db
    .updateTable(draftTable[kind])
    .set((eb) => ({
      draft_text: save.text,
      revision: eb('revision', '+', 1),
      updated_at: save.at,
    }))
    .where('id', '=', save.id)
    .where('teacher_id', '=', save.teacherId);
  if (save.baseRevision !== undefined) query = query.where('revision', '=', save.baseRevision);
  const row = await query.returning('revision').executeTakeFirst();
  return row?.revision;
}

export async function deleteBankDraft(db: AppDatabase, id: string): Promise<void> {
  await db.deleteFrom('authored_banks').where('id', '=', id).execute();
}

export async function listArticleVersions(
  db: AppDatabase,
  articleId: string,
): Promise<PublishedVersion[]> {
  const rows = await db
    .selectFrom('authored_article_versions')
    .select(['version', 'text', 'published_at'])
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    text: row.text,
    publishedAt: row.published_at,
  }));
}

export interface PublishedBankVersion extends PublishedVersion {
  contentVersion: string;
}

export async function listBankVersions(
  db: AppDatabase,
  bankId: string,
): Promise<PublishedBankVersion[]> {
  const rows = await db
    .selectFrom('authored_bank_versions')
    .select(['version', 'text', 'content_version', 'published_at'])
    .where('bank_id', '=', bankId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    text: row.text,
    contentVersion: row.content_version,
    publishedAt: row.published_at,
  }));
}

/** Adds the next version of an article; returns its number. Run in the publishing transaction. */
export async function insertArticleVersion(
  db: AppDatabase,
  version: { articleId: string; text: string; at: string },
): Promise<number> {
  const latest = (await listArticleVersions(db, version.articleId))[0]?.version ?? 0;
  await db
    .insertInto('authored_article_versions')
    .values({
      article_id: version.articleId,
      version: latest + 1,
      text: version.text,
      published_at: version.at,
    })
    .execute();
  return latest + 1;
}

export async function insertBankVersion(
  db: AppDatabase,
  version: { bankId: string; text: string; contentVersion: string; at: string },
): Promise<number> {
  const latest = (await listBankVersions(db, version.bankId))[0]?.version ?? 0;
  await db
    .insertInto('authored_bank_versions')
    .values({
      bank_id: version.bankId,
      version: latest + 1,
      text: version.text,
      content_version: version.contentVersion,
      published_at: version.at,
    })
    .execute();
  return latest + 1;
}

/** The content version of a teacher's bank's latest publication, for assigning it. */
export async function findLatestPublishedBank(
  db: AppDatabase,
  teacherId: string,
  bankId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('authored_bank_versions')
    .innerJoin('authored_banks', 'authored_banks.id', 'authored_bank_versions.bank_id')
    .select('authored_bank_versions.content_version')
    .where('authored_banks.id', '=', bankId)
    .where('authored_banks.teacher_id', '=', teacherId)
    .orderBy('authored_bank_versions.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.content_version;
}
