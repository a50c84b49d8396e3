import type { LoadedContent } from '../../content/load-content';
import type { Article } from '../../domain/article';
import type { ResolvedBank, ResolvedQuestion } from '../../domain/resolved-bank';
import type { AppDatabase } from '../db/database';
import { findLatestPublishedBank } from '../authoring/authoring-queries';
import { getContentSnapshot, saveContentSnapshot } from './snapshot-queries';

/** One version of a bank with its article, as an attempt uses it. */
export interface BankVersion {
  contentVersion: string;
  bank: ResolvedBank;
  article: Article;
  questionsById: Map<string, ResolvedQuestion>;
}

/**
 * The banks an attempt can use: the loaded content for new attempts, and for existing ones the
 * version they started on, from memory when it is still current, else from its stored snapshot.
 */
export interface ContentStore {
  content: LoadedContent;
  /** The current version of a bank, for starting an attempt; stores its snapshot first. */
  startBank(bankId: string, now: Date): Promise<BankVersion | undefined>;
  /**
   * The bank a teacher may assign: a shipped one as `startBank` gives it, or the latest published
   * version of the teacher's own bank. Practice attempts never see authored banks: their keys
   * would be shown at once, while the teacher's class may still be taking them.
   */
  startTeacherBank(teacherId: string, bankId: string, now: Date): Promise<BankVersion | undefined>;
  /** The bank version an attempt started on. */
  bankAtVersion(contentVersion: string): Promise<BankVersion | undefined>;
}

function toBankVersion(contentVersion: string, bank: ResolvedBank, article: Article): BankVersion {
  return {
    contentVersion,
    bank,
    article,
    questionsById: new Map(bank.questions.map((question) => [question.id, question])),
  };
}

export function createContentStore(db: AppDatabase, content: LoadedContent): ContentStore {
  // Safe with several instances: a content version is an immutable snapshot named by its hash,
  // and a stored snapshot is never deleted, so `snapshotted` never goes stale either.
  const versions = new Map<string, BankVersion>();
  const currentByBankId = new Map<string, BankVersion>();
  for (const loaded of content.banks.values()) {
    const version = toBankVersion(loaded.contentVersion, loaded.bank, loaded.article);
    versions.set(loaded.contentVersion, version);
    currentByBankId.set(loaded.bank.id, version);
  }
  const snapshotted = new Set<string>();

  async function startBank(bankId: string, now: Date) {
    const version = currentByBankId.get(bankId);
    if (version && !snapshotted.has(version.contentVersion)) {
      await saveContentSnapshot(db, version, now);
      snapshotted.add(version.contentVersion);
    }
    return version;
  }

  async function bankAtVersion(contentVersion: string) {
    const known = versions.get(contentVersion);
    if (known) return known;
    const snapshot = await getContentSnapshot(db, contentVersion);
    if (!snapshot) return undefined;
    const version = toBankVersion(contentVersion, snapshot.bank, snapshot.article);
    versions.set(contentVersion, version);
    return version;
  }

  return {
    content,
    startBank,
    bankAtVersion,
    async startTeacherBank(teacherId, bankId, now) {
      if (currentByBankId.has(bankId)) return startBank(bankId, now);
      // Publishing stored the snapshot, so the version is found like any attempt's.
      const contentVersion = await findLatestPublishedBank(db, teacherId, bankId);
      return contentVersion === undefined ? undefined : bankAtVersion(contentVersion);
    },
  };
}

/**
 * The bank version a stored attempt or assignment uses. Its snapshot is kept by a foreign key, so
 * a missing one means a broken database, not bad input.
 */
export async function versionOf(
  store: ContentStore,
  record: { id: string; contentVersion: string },
): Promise<BankVersion> {
  const version = await store.bankAtVersion(record.contentVersion);
  if (!version) throw new Error(`No content snapshot ${record.contentVersion} for ${record.id}`);
  return version;
}
