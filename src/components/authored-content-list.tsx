import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../lib/api-client';
import { describeRequestProblem } from '../lib/describe-request-problem';
import {
  authoringApi,
  type ArticleDraftSummary,
  type BankDraftSummary,
} from '../lib/authoring-api-client';
import { formatDateTime } from '../lib/format-date-time';
import { getHref } from '../lib/paths';
import { useResource } from '../lib/use-resource';
import { AppForm } from './app-form';
import { FormAlert } from './form-alert';
import { Loading } from './load-error';
import { LmsExportControl } from './lms-export-control';
import './authored-content-list.css';

function describeState(latestVersion: number | null): string {
  return latestVersion === null ? 'Draft, not published' : `Version ${latestVersion} published`;
}

function BankItems({ banks }: { banks: readonly BankDraftSummary[] }) {
  if (banks.length === 0) return null;
  return (
    <ul>
      {banks.map((bank) => (
        <li key={bank.id}>
          Quiz: <Link to={getHref.editBank(bank.id)}>{bank.title ?? bank.id}</Link>{' '}
          <span className="muted">({describeState(bank.latestVersion)})</span>
        </li>
      ))}
    </ul>
  );
}

function ArticleItems({
  articles,
  banks,
}: {
  articles: readonly ArticleDraftSummary[];
  banks: readonly BankDraftSummary[];
}) {
  const own = new Set(articles.map((article) => article.id));
  const onShipped = banks.filter((bank) => !own.has(bank.articleId));
  if (articles.length === 0 && banks.length === 0) {
    return (
      <p>
        You have not written any yet. Bring a text your class is reading, or copy a shipped quiz to
        change its questions.
      </p>
    );
  }
  return (
    <ul className="authored-list">
      {articles.map((article) => (
        <li key={article.id}>
          <Link to={getHref.editArticle(article.id)}>{article.title ?? article.id}</Link>{' '}
          <span className="muted">
            ({describeState(article.latestVersion)}; edited {formatDateTime(article.updatedAt)})
          </span>
          <BankItems banks={banks.filter((bank) => bank.articleId === article.id)} />
        </li>
      ))}
      {onShipped.length > 0 && (
        <li>
          On the shipped articles
          <BankItems banks={onShipped} />
        </li>
      )}
    </ul>
  );
}

/**
 * The shipped quizzes: a form to copy one into a draft of the teacher's own, then edit the copy,
 * and the export of the chosen one for an LMS.
 */
function ShippedQuizzes() {
  const selectId = useId();
  const navigate = useNavigate();
  const { resource } = useResource({ key: 'banks', load: () => api.listBanks() });
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (resource.status !== 'ready' || resource.data.length === 0) return null;
  const bankId = chosen === '' ? (resource.data[0]?.id ?? '') : chosen;
  const bankTitle = resource.data.find((bank) => bank.id === bankId)?.title;

  const duplicate = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const copy = await authoringApi.createBank({ duplicateOf: bankId });
      await navigate(getHref.editBank(copy.id));
    } catch (error) {
      setProblem(describeRequestProblem(error));
      setBusy(false);
    }
  };

  return (
    <>
      <AppForm className="authored-duplicate" onSubmit={duplicate}>
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            Shipped quiz to copy
          </label>
          <select
            id={selectId}
            className="select-input"
            value={bankId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {resource.data.map((bank) => (
              <option key={bank.id} value={bank.id}>
                {bank.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          Duplicate a shipped quiz
        </button>
        <FormAlert message={problem} />
      </AppForm>
      {/* Keyed by the quiz, so a report never outlives the choice it was for. */}
      <LmsExportControl key={bankId} bankId={bankId} bankTitle={bankTitle} />
    </>
  );
}

/**
 * The teacher's own articles with their quizzes, draft or published, for the dashboard: a way to
 * each editor, to a new article, and to a copy of a shipped quiz.
 */
export function AuthoredContentList() {
  const headingId = useId();
  const { resource } = useResource({
    key: 'authoring:articles-and-banks',
    load: async () => {
      const [articles, banks] = await Promise.all([
        authoringApi.listArticles(),
        authoringApi.listBanks(),
      ]);
      return { articles, banks };
    },
  });
  return (
    <section className="authored-content" aria-labelledby={headingId}>
      <div className="page-heading-row">
        <h2 id={headingId}>Your articles and quizzes</h2>
        <p className="button-row">
          <Link className="button" to={getHref.teacherImport()}>
            Import questions
          </Link>
          <Link className="button button-primary" to={getHref.newArticle()}>
            New article
          </Link>
        </p>
      </div>
      {resource.status === 'loading' && <Loading label="Loading your articles…" />}
      {resource.status === 'error' && (
        <p className="notice notice-danger">{describeRequestProblem(resource.error)}</p>
      )}
      {resource.status === 'ready' && (
        <ArticleItems articles={resource.data.articles} banks={resource.data.banks} />
      )}
      <ShippedQuizzes />
    </section>
  );
}
