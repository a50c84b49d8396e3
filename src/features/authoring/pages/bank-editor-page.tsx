import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { parse } from 'yaml';
import { FormAlert } from '../../../components/form-alert';
import { LoadError, Loading } from '../../../components/load-error';
import { LmsExportControl } from '../../../components/lms-export-control';
import { formatCount } from '../../../domain/plural';
import { authoringApi, type BankArticle, type BankDraft } from '../../../lib/authoring-api-client';
import { getHref } from '../../../lib/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useResource } from '../../../lib/use-resource';
import { useStartPreview } from '../../../lib/use-start-preview';
import { BankEditor } from '../components/bank-editor';
import { QuestionPreviewContext } from '../components/question-editor';
import { writeDraftBank, type DraftBank } from '../draft-bank';
import { AutosaveNotices } from './autosave-notices';
import { PreviewSection } from './preview-section';
import { ProblemList, PublishRefusal } from './problem-list';
import { useAutosave } from './use-autosave';
import { usePublish } from './use-publish';
import '../authoring.css';
import './authoring-pages.css';

/** The key of the YAML of a bank typed on this device and not yet saved. */
export const bankDraftStorageKey = (bankId: string) => `readproof:bank-draft:${bankId}`;

/** The bank's YAML as the editor's value, or null when it is not a bank the form can show. */
function readDraftBank(text: string): DraftBank | null {
  try {
    const data: unknown = parse(text);
    const bank = data as Partial<DraftBank> | null;
    return typeof bank === 'object' && bank !== null && Array.isArray(bank.questions)
      ? (bank as DraftBank)
      : null;
  } catch {
    return null;
  }
}

/** The bank editor's page: loads the teacher's draft and its article, then edits the draft. */
export function BankEditorPage() {
  const { bankId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `authoring:bank:${bankId}`,
    // The article as the server checks the bank against it, so evidence is chosen on that text.
    load: async () => {
      const [bank, article] = await Promise.all([
        authoringApi.getBank(bankId),
        authoringApi.getBankArticle(bankId),
      ]);
      return { bank, article };
    },
  });
  useDocumentTitle('Edit quiz');
  if (resource.status === 'loading') return <Loading label="Loading the quiz…" />;
  if (resource.status === 'error') {
    return (
      <>
        <h1>Edit quiz</h1>
        <LoadError error={resource.error} onRetry={reload} />
      </>
    );
  }
  return (
    <BankDraftEditor key={bankId} initial={resource.data.bank} article={resource.data.article} />
  );
}

function BankDraftEditor({
  initial,
  article: { article, version, unpublishedChanges },
}: {
  initial: BankDraft;
  article: BankArticle;
}) {
  const bankId = initial.id;
  const draft = useAutosave({
    storageKey: bankDraftStorageKey(bankId),
    initial,
    save: (json) => authoringApi.saveBank(bankId, json),
    load: () => authoringApi.getBank(bankId),
  });
  const { text, setText, saved } = draft;
  const bank = useMemo(() => readDraftBank(text), [text]);
  const title = bank?.title.trim() ? bank.title : 'Untitled quiz';
  useDocumentTitle(`Edit: ${title}`);

  const {
    publish,
    publishing,
    refused,
    publishProblem,
    published: publishedVersion,
    refusedRef,
    publishedRef,
  } = usePublish({
    saveNow: () => draft.saveNow(),
    publishDraft: async () => (await authoringApi.publishBank(bankId)).version,
  });
  const latestVersion = publishedVersion ?? saved.versions[0]?.version ?? null;
  const preview = useStartPreview(bankId, () => draft.saveNow());

  return (
    <div className="bank-editor-page">
      <div className="article-editor-top">
        <h1>{title}</h1>
        <p className="muted">
          On the article <Link to={getHref.editArticle(saved.articleId)}>{article.meta.title}</Link>
        </p>
        <AutosaveNotices draft={draft} />
      </div>

      {unpublishedChanges && (
        <p className="notice notice-warning">
          The article has changes that are not published. Questions are written on its published
          version {version}, the text students read.{' '}
          <Link to={getHref.editArticle(saved.articleId)}>
            Publish the article to write questions on its new text.
          </Link>
        </p>
      )}

      {bank ? (
        <QuestionPreviewContext value={preview}>
          <BankEditor
            bank={bank}
            article={article}
            onChange={(changed) => setText(writeDraftBank(changed))}
          />
        </QuestionPreviewContext>
      ) : (
        <div className="notice notice-danger">
          <p>
            This quiz&rsquo;s file cannot be shown as a form. Import a corrected file, or fix these
            problems:
          </p>
          <ProblemList problems={saved.problems} />
        </div>
      )}

      <PreviewSection
        preview={preview}
        problemCount={saved.problems.length}
        latestVersion={latestVersion}
      />

      <section aria-labelledby="bank-publish" className="bank-publish">
        <h2 id="bank-publish">Publish</h2>
        <p className="field-hint">
          A published quiz can be assigned. Editing it afterwards works on a new draft; assignments
          keep the version they started with.
        </p>
        {saved.problems.length > 0 && (
          <p>
            The saved draft has {formatCount(saved.problems.length, 'problem')} to fix before it can
            be published.
          </p>
        )}
        <p className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={publishing}
            onClick={() => void publish()}
          >
            {publishing ? 'Publishing…' : 'Publish'}
          </button>
          {latestVersion !== null && (
            <Link className="button" to={getHref.newAssignment(bankId)}>
              Assign this quiz
            </Link>
          )}
        </p>
        <FormAlert message={publishProblem} />
        {refused && <PublishRefusal ref={refusedRef} problems={refused} />}
        {publishedVersion !== null && (
          <section
            ref={publishedRef}
            tabIndex={-1}
            className="notice"
            aria-labelledby="bank-published"
          >
            <h3 id="bank-published">Published as version {publishedVersion}</h3>
            <p>
              <Link to={getHref.newAssignment(bankId)}>Assign it to a class</Link>
            </p>
          </section>
        )}
      </section>

      <section aria-labelledby="bank-export" className="bank-export">
        <h2 id="bank-export">Export</h2>
        <LmsExportControl bankId={bankId} />
      </section>
    </div>
  );
}
