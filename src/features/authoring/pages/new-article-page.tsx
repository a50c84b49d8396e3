import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import { AppForm } from '../../../components/app-form';
import { FormAlert } from '../../../components/form-alert';
import { authoringApi } from '../../../lib/authoring-api-client';
import { getHref } from '../../../lib/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ArticleBodyField } from './article-body-field';
import { ArticleFieldsForm } from './article-fields-form';
import { describeRequestProblem } from '../../../lib/describe-request-problem';
import { EMPTY_ARTICLE_FIELDS, frontMatterOf, type ArticleFields } from './article-text';
import '../authoring.css';
import './authoring-pages.css';

/**
 * A new article: its fields and its text, pasted or read from an uploaded .txt, .md or .docx.
 * Creating it opens the article editor, where its draft is saved as the teacher goes on.
 */
export function NewArticlePage() {
  useDocumentTitle('New article');
  const navigate = useNavigate();
  const uploadId = useId();
  const [fields, setFields] = useState<ArticleFields>(EMPTY_ARTICLE_FIELDS);
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [upload, setUpload] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setUpload({ busy: true, message: `Reading ${file.name}…`, failed: false });
    try {
      const { body: uploaded } = await authoringApi.uploadArticleBody(file);
      setBody(uploaded);
      setBodyError(undefined);
      setUpload({
        busy: false,
        message: `The text of ${file.name} is in the box below. Check its paragraphs and headings.`,
        failed: false,
      });
    } catch (error) {
      setUpload({ busy: false, message: describeRequestProblem(error), failed: true });
    }
  };

  const create = async () => {
    if (body.trim() === '') {
      setBodyError('Paste the text of the article, or upload a file with it.');
      bodyRef.current?.focus();
      return;
    }
    setBodyError(undefined);
    setProblem(null);
    setCreating(true);
    try {
      const created = await authoringApi.createArticle({ fields: frontMatterOf(fields), body });
      await navigate(getHref.editArticle(created.id));
    } catch (error) {
      setProblem(describeRequestProblem(error));
      setCreating(false);
    }
  };

  return (
    <>
      <h1>New article</h1>
      <p className="page-intro">
        Bring a text your class is reading. Once it is created, you can fix where its sentences are
        split, see how hard it reads, and write quizzes on it.
      </p>
      <AppForm className="authoring-form" onSubmit={create}>
        <ArticleFieldsForm fields={fields} onChange={setFields} />
        <fieldset className="authoring-fieldset">
          <legend>Text of the article</legend>
          <div className="field">
            <label className="field-label" htmlFor={uploadId}>
              Upload a file
            </label>
            <p className="field-hint" id={`${uploadId}-hint`}>
              A .txt, .md or .docx file of at most 5 MB. Its text replaces what is in the box below.
            </p>
            <input
              id={uploadId}
              type="file"
              accept=".txt,.md,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={`${uploadId}-hint`}
              disabled={upload.busy}
              onChange={(event) => void readFile(event)}
            />
            <p role="status" className="muted">
              {upload.failed ? null : upload.message}
            </p>
            <p role="alert" className="field-error">
              {upload.failed ? upload.message : null}
            </p>
          </div>
          <ArticleBodyField ref={bodyRef} value={body} onChange={setBody} error={bodyError} />
        </fieldset>
        <FormAlert message={problem} />
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create the article'}
        </button>
      </AppForm>
    </>
  );
}
