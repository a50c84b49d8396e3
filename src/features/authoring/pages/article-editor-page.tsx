import { useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AppForm } from '../../../components/app-form';
import { FormAlert } from '../../../components/form-alert';
import { LoadError, Loading } from '../../../components/load-error';
import { formatCount } from '../../../domain/plural';
import { authoringApi, type ArticleDraft } from '../../../lib/authoring-api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { getHref } from '../../../lib/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useResource } from '../../../lib/use-resource';
import { ArticleBodyField } from './article-body-field';
import { ArticleFieldsForm } from './article-fields-form';
import {
  readArticleFields,
  readGlossary,
  readSentenceCorrections,
  splitArticleText,
  writeArticleBody,
  writeArticleFields,
  writeGlossary,
  writeSentenceCorrections,
} from './article-text';
import { AutosaveNotices } from './autosave-notices';
import { GlossaryEditor } from './glossary-editor';
import { ProblemList, PublishRefusal } from './problem-list';
import { describeRequestProblem } from '../../../lib/describe-request-problem';
import { SentenceEditor } from './sentence-editor';
import { useAutosave } from './use-autosave';
import { usePublish } from './use-publish';
import '../authoring.css';
import './authoring-pages.css';

/** The key of the text of an article typed on this device and not yet saved. */
export const articleDraftStorageKey = (articleId: string) => `readproof:article-draft:${articleId}`;

/** The article editor's page: loads the teacher's draft, then edits it. */
export function ArticleEditorPage() {
  const { articleId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `authoring:article:${articleId}`,
    load: () => authoringApi.getArticle(articleId),
  });
  useDocumentTitle('Edit article');
  if (resource.status === 'loading') return <Loading label="Loading the article…" />;
  if (resource.status === 'error') {
    return (
      <>
        <h1>Edit article</h1>
        <LoadError error={resource.error} onRetry={reload} />
      </>
    );
  }
  return <ArticleEditor key={articleId} initial={resource.data} />;
}

/** What the Flesch–Kincaid grade means, for a teacher choosing a text for a class. */
function describeGrade(grade: number): string {
  const rounded = Math.max(1, Math.round(grade));
  return `Grade ${grade.toFixed(1)} on the Flesch–Kincaid scale: a US school grade, so about what a student of ${rounded + 5} to ${rounded + 6} reads comfortably. It counts only sentence length and syllables per word, so lower is easier; most newspapers write at grade 8 to 11.`;
}

function ArticleEditor({ initial }: { initial: ArticleDraft }) {
  const articleId = initial.id;
  const navigate = useNavigate();
  const draft = useAutosave({
    storageKey: articleDraftStorageKey(articleId),
    initial,
    save: (json) => authoringApi.saveArticle(articleId, json),
    load: () => authoringApi.getArticle(articleId),
  });
  const { text, setText, saved } = draft;
  const fields = useMemo(() => readArticleFields(text), [text]);
  const { body } = useMemo(() => splitArticleText(text), [text]);
  const corrections = useMemo(() => readSentenceCorrections(text), [text]);
  const glossary = useMemo(() => readGlossary(text), [text]);
  const bodyLine = useMemo(() => splitArticleText(saved.text).bodyLine, [saved.text]);
  useDocumentTitle(fields.title.trim() === '' ? 'Edit article' : `Edit: ${fields.title}`);

  const { publish, publishing, refused, publishProblem, published, refusedRef, publishedRef } =
    usePublish({
      saveNow: () => draft.saveNow(),
      publishDraft: () => authoringApi.publishArticle(articleId),
    });
  const headingId = useId();

  const versions = published
    ? [
        { version: published.version, publishedAt: published.publishedAt },
        ...saved.versions.filter((version) => version.version !== published.version),
      ]
    : saved.versions;

  return (
    <div className="article-editor">
      <div className="article-editor-top">
        <h1 id={headingId}>{fields.title.trim() === '' ? 'Untitled article' : fields.title}</h1>
        <AutosaveNotices draft={draft} />
      </div>

      <div className="article-editor-columns">
        <div className="article-editor-main">
          <ArticleFieldsForm
            fields={fields}
            onChange={(changed) => setText(writeArticleFields(text, changed))}
          />
          <ArticleBodyField
            value={body}
            onChange={(changed) => setText(writeArticleBody(text, changed))}
          />
          <GlossaryEditor
            glossary={glossary}
            body={body}
            corrections={corrections}
            onChange={(changed) => setText(writeGlossary(text, changed))}
          />
        </div>

        <aside className="article-editor-side" aria-label="About the draft">
          <section aria-labelledby="article-measures">
            <h2 id="article-measures">How it reads</h2>
            <dl className="article-measures">
              <dt>Words</dt>
              <dd>{saved.wordCount.toLocaleString('en')}</dd>
              <dt>Reading time</dt>
              <dd>{formatCount(saved.readingMinutes, 'minute')}</dd>
              <dt>Readability</dt>
              <dd>Grade {saved.readability.fleschKincaidGrade.toFixed(1)}</dd>
            </dl>
            <p className="field-hint">{describeGrade(saved.readability.fleschKincaidGrade)}</p>
          </section>

          <section aria-labelledby="article-problems">
            <h2 id="article-problems">Problems</h2>
            {saved.problems.length === 0 ? (
              <p>No problems: the article can be published.</p>
            ) : (
              <ProblemList problems={saved.problems} bodyLine={bodyLine} />
            )}
          </section>

          <section aria-labelledby="article-publish">
            <h2 id="article-publish">Publish</h2>
            <p className="field-hint">
              Publishing makes this text a version your quizzes are written on. Editing it
              afterwards makes a new version; assignments keep the version they started with.
            </p>
            <button
              type="button"
              className="button button-primary"
              disabled={publishing}
              onClick={() => void publish()}
            >
              {publishing ? 'Publishing…' : 'Publish'}
            </button>
            <FormAlert message={publishProblem} />
            {refused && <PublishRefusal ref={refusedRef} problems={refused} bodyLine={bodyLine} />}
            {published && (
              <section
                ref={publishedRef}
                tabIndex={-1}
                className="notice"
                aria-labelledby="article-published"
              >
                <h3 id="article-published">Published as version {published.version}</h3>
                {published.banksToFix.length > 0 && (
                  <>
                    <p>
                      These questions quote sentences this version no longer has. Fix their evidence
                      before publishing the quizzes again:
                    </p>
                    <ul className="authoring-list">
                      {published.banksToFix.map((bank) => (
                        <li key={bank.bankId}>
                          <Link to={getHref.editBank(bank.bankId)}>Quiz {bank.bankId}</Link>:{' '}
                          {bank.questions
                            .map((question) => `question ${question.questionIndex + 1}`)
                            .join(', ')}
                          <ul>
                            {bank.questions.flatMap((question) =>
                              question.quotes.map((quote) => (
                                <li key={`${question.questionId}:${quote.quoteIndex}`}>
                                  Question {question.questionIndex + 1}, quote{' '}
                                  {quote.quoteIndex + 1}: {quote.message}
                                </li>
                              )),
                            )}
                          </ul>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}
          </section>

          <section aria-labelledby="article-versions">
            <h2 id="article-versions">Versions</h2>
            {versions.length === 0 ? (
              <p className="muted">Not published yet.</p>
            ) : (
              <>
                <ul className="authoring-list">
                  {versions.map((version) => (
                    <li key={version.version}>
                      Version {version.version}, published {formatDateTime(version.publishedAt)}
                    </li>
                  ))}
                </ul>
                <a href={authoringApi.exportHref(articleId)} download>
                  Download the article and its quizzes (zip)
                </a>
              </>
            )}
          </section>

          <ArticleQuizzes
            articleId={articleId}
            onCreated={(bankId) => void navigate(getHref.editBank(bankId))}
          />
        </aside>
      </div>

      <section aria-labelledby="article-sentences" className="article-sentences">
        <h2 id="article-sentences">Sentences</h2>
        <p className="field-hint">
          Quizzes point at sentences, so each must be one sentence. Where the text was cut wrongly
          (after an abbreviation, say), merge two sentences or split one. This shows the draft as
          last saved.
        </p>
        <SentenceEditor
          article={saved.article}
          corrections={corrections}
          onChange={(changed) => setText(writeSentenceCorrections(text, changed))}
        />
      </section>
    </div>
  );
}

/** The teacher's quizzes on this article, and a form to start another. */
function ArticleQuizzes({
  articleId,
  onCreated,
}: {
  articleId: string;
  onCreated: (bankId: string) => void;
}) {
  const titleId = useId();
  const { resource } = useResource({
    key: 'authoring:banks',
    load: () => authoringApi.listBanks(),
  });
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const create = async () => {
    if (title.trim() === '') {
      setError('Give the quiz a title.');
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    setProblem(null);
    setCreating(true);
    try {
      onCreated((await authoringApi.createBank({ articleId, title: title.trim() })).id);
    } catch (caught) {
      setProblem(describeRequestProblem(caught));
      setCreating(false);
    }
  };

  const banks =
    resource.status === 'ready' ? resource.data.filter((bank) => bank.articleId === articleId) : [];
  return (
    <section aria-labelledby="article-quizzes">
      <h2 id="article-quizzes">Quizzes on this article</h2>
      {resource.status === 'error' && (
        <p className="muted">{describeRequestProblem(resource.error)}</p>
      )}
      {banks.length > 0 && (
        <ul className="authoring-list">
          {banks.map((bank) => (
            <li key={bank.id}>
              <Link to={getHref.editBank(bank.id)}>{bank.title ?? bank.id}</Link>{' '}
              <span className="muted">
                {bank.latestVersion === null
                  ? '(draft)'
                  : `(version ${bank.latestVersion} published)`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <AppForm onSubmit={create}>
        <div className="field">
          <label className="field-label" htmlFor={titleId}>
            Title of a new quiz
          </label>
          <input
            ref={inputRef}
            id={titleId}
            className="text-input"
            value={title}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${titleId}-error` : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {error && (
            <p className="field-error" id={`${titleId}-error`}>
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={creating}>
          Write a quiz on this article
        </button>
        <FormAlert message={problem} />
      </AppForm>
    </section>
  );
}
