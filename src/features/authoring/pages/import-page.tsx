import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { AppForm } from '../../../components/app-form';
import { describedBy, FieldError, FieldHint } from '../../../components/form-field';
import { FormAlert } from '../../../components/form-alert';
import { countReportedQuestions, InteropReport } from '../../../components/interop-report';
import { Loading } from '../../../components/load-error';
import { RadioGroup } from '../../../components/radio-group';
import { formatCount } from '../../../domain/plural';
import { api } from '../../../lib/api-client';
import { authoringApi, type LmsImport } from '../../../lib/authoring-api-client';
import { describeRequestProblem } from '../../../lib/describe-request-problem';
import { getHref } from '../../../lib/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useResource } from '../../../lib/use-resource';
import '../authoring.css';
import './authoring-pages.css';

type Kind = 'lms' | 'readproof';

const KINDS = [
  { value: 'lms', label: 'Questions from an LMS: GIFT, Moodle XML or QTI 3.0' },
  { value: 'readproof', label: 'Readproof files: an exported zip, an article.md or a quiz .yaml' },
] as const satisfies readonly { value: Kind; label: string }[];

const ACCEPT: Record<Kind, string> = {
  lms: '.gift,.txt,.xml,.zip',
  readproof: '.zip,.md,.yaml',
};

const FILE_HINT: Record<Kind, string> = {
  lms: 'A GIFT file (.gift or .txt), a Moodle XML file (.xml), or a QTI 3.0 package (.zip) or item (.xml); at most 5 MB.',
  readproof: 'A zip as Readproof exports it, an article.md or a quiz .yaml; at most 5 MB.',
};

const ARTICLE_HINT: Record<Kind, string> = {
  lms: 'The quiz is made on this article; its questions’ evidence is chosen from its sentences.',
  readproof:
    'Only for a single quiz .yaml: the article it is checked against (else the one it names).',
};

type Result =
  | { kind: 'lms'; imported: LmsImport }
  | { kind: 'readproof'; articleIds: string[]; bankIds: string[] };

/** The articles a quiz can be on: the shipped ones and the teacher's own, by title. */
function useArticleChoices() {
  return useResource({
    key: 'authoring:article-choices',
    load: async () => {
      const [shipped, own] = await Promise.all([api.listArticles(), authoringApi.listArticles()]);
      return [
        ...own.map((article) => ({ id: article.id, title: article.title ?? article.id })),
        ...shipped.map((article) => ({ id: article.id, title: `${article.title} (shipped)` })),
      ];
    },
  });
}

/**
 * Imports questions: a Readproof export or file as drafts, or an LMS file (GIFT, Moodle XML,
 * QTI 3.0) as a new draft quiz on an article, with the report of what did not come across.
 */
export function ImportPage() {
  useDocumentTitle('Import questions');
  const kindId = useId();
  const fileId = useId();
  const articleId = useId();
  const resultId = useId();
  const [kind, setKind] = useState<Kind>('lms');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [article, setArticle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLElement>(null);
  // The result appears below the form: focus moves there so it is read at once.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const { resource: articles } = useArticleChoices();
  const chosenArticle =
    article === '' && articles.status === 'ready' ? (articles.data[0]?.id ?? '') : article;

  const submit = async () => {
    if (!file) {
      setFileError('Choose the file to import.');
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setProblem(null);
    setResult(null);
    setBusy(true);
    try {
      if (kind === 'lms') {
        setResult({ kind, imported: await authoringApi.importLms(file, chosenArticle) });
      } else {
        const imported = await authoringApi.importRepositoryFiles(
          file,
          chosenArticle === '' ? undefined : chosenArticle,
        );
        setResult({ kind, ...imported });
      }
    } catch (error) {
      setProblem(describeRequestProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Import questions</h1>
      <p className="page-intro">
        Bring a quiz from your LMS, or Readproof files exported before. An LMS quiz becomes a draft
        quiz on the article you choose; its questions need their evidence set before it can be
        published, since no LMS format has a place for it.
      </p>
      <AppForm className="authoring-form" onSubmit={submit}>
        <RadioGroup
          id={kindId}
          legend="What the file is"
          name="import-kind"
          options={KINDS}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setResult(null);
          }}
        />
        <div className="field">
          <label className="field-label" htmlFor={fileId}>
            File
          </label>
          <FieldHint id={fileId}>{FILE_HINT[kind]}</FieldHint>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            accept={ACCEPT[kind]}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(fileId, { hint: FILE_HINT[kind], error: fileError })}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <FieldError id={fileId} error={fileError} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={articleId}>
            Article the questions are on
          </label>
          <FieldHint id={articleId}>{ARTICLE_HINT[kind]}</FieldHint>
          {articles.status === 'loading' && <Loading label="Loading the articles…" />}
          {articles.status === 'error' && (
            <p className="field-error">{describeRequestProblem(articles.error)}</p>
          )}
          {articles.status === 'ready' && (
            <select
              id={articleId}
              className="select-input"
              value={chosenArticle}
              aria-describedby={describedBy(articleId, { hint: ARTICLE_HINT[kind] })}
              onChange={(event) => setArticle(event.target.value)}
            >
              {articles.data.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.title}
                </option>
              ))}
            </select>
          )}
        </div>
        <FormAlert message={problem} />
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || articles.status !== 'ready'}
        >
          {busy ? 'Importing…' : 'Import'}
        </button>
      </AppForm>
      {result && (
        <section
          ref={resultRef}
          tabIndex={-1}
          className="notice import-result"
          aria-labelledby={resultId}
        >
          {result.kind === 'lms' ? (
            <LmsImportResult headingId={resultId} imported={result.imported} />
          ) : (
            <RepositoryImportResult headingId={resultId} {...result} />
          )}
        </section>
      )}
    </>
  );
}

function LmsImportResult({ headingId, imported }: { headingId: string; imported: LmsImport }) {
  const left = countReportedQuestions(imported.report);
  return (
    <>
      <h2 id={headingId}>Imported {formatCount(imported.questionCount, 'question')}</h2>
      <p>
        The draft quiz “{imported.title}” has{' '}
        {imported.questionCount === 1 ? 'it, marked' : 'them, each marked'} “Needs evidence” until
        you choose the sentences that prove its answer.{' '}
        {left > 0 && `The report below lists ${formatCount(left, 'question')} to look at.`}
      </p>
      <InteropReport notes={imported.report} headingLevel={3} />
      <p>
        <Link className="button button-primary" to={getHref.editBank(imported.bankId)}>
          Open the draft quiz
        </Link>
      </p>
    </>
  );
}

function RepositoryImportResult({
  headingId,
  articleIds,
  bankIds,
}: {
  headingId: string;
  articleIds: string[];
  bankIds: string[];
}) {
  if (articleIds.length === 0 && bankIds.length === 0) {
    return <h2 id={headingId}>Nothing changed: your drafts already hold exactly these files.</h2>;
  }
  return (
    <>
      <h2 id={headingId}>Imported as drafts</h2>
      <ul>
        {articleIds.map((id) => (
          <li key={id}>
            Article: <Link to={getHref.editArticle(id)}>{id}</Link>
          </li>
        ))}
        {bankIds.map((id) => (
          <li key={id}>
            Quiz: <Link to={getHref.editBank(id)}>{id}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
