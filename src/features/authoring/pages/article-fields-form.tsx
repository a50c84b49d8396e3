import { useId, type ReactNode } from 'react';
import { describedBy, FieldHint } from '../../../components/form-field';
import type { ArticleFields } from './article-text';

function Field({
  label,
  hint,
  multiline = false,
  value,
  onChange,
  type = 'text',
}: {
  label: string;
  hint?: ReactNode;
  multiline?: boolean;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'url';
}) {
  const id = useId();
  const common = {
    id,
    value,
    'aria-describedby': describedBy(id, { hint }),
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      {multiline ? (
        <textarea
          {...common}
          className="text-input authoring-textarea"
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type={type}
          className="text-input"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

/**
 * The fields of an article beside its text: what it is and where it comes from. Nothing is
 * checked here: the server checks the draft as `check:content` would and lists its problems.
 */
export function ArticleFieldsForm({
  fields,
  onChange,
}: {
  fields: ArticleFields;
  onChange: (fields: ArticleFields) => void;
}) {
  const field = (name: keyof ArticleFields) => ({
    value: fields[name],
    onChange: (value: string) => onChange({ ...fields, [name]: value }),
  });
  return (
    <>
      <fieldset className="authoring-fieldset">
        <legend>About the article</legend>
        <Field label="Title" {...field('title')} />
        <Field
          label="Summary"
          hint="One or two sentences for the library page."
          multiline
          {...field('summary')}
        />
        <Field
          label="Sources named in the text"
          hint="One a line, as the text names them: people, reports, organisations."
          multiline
          {...field('sources')}
        />
        <Field
          label="Genre"
          hint="Like news report, feature, opinion, explainer."
          {...field('genre')}
        />
        <Field
          label="How the text knows what it says"
          hint="A sentence for students: who reported, measured or witnessed what it tells."
          multiline
          {...field('note')}
        />
      </fieldset>
      <fieldset className="authoring-fieldset">
        <legend>Where the text comes from</legend>
        <p className="field-hint">Shown to students above the text.</p>
        <Field
          label="Publication"
          hint="The newspaper, site, book or author."
          {...field('publication')}
        />
        <Field label="Date published" hint="Like 2025-03-12, 2025-03 or 2025." {...field('date')} />
        <Field label="Link to the original" type="url" {...field('url')} />
        <Field
          label="Licence or permission"
          hint="Like “CC BY 4.0”, “Public domain” or “Used with the publisher’s permission”."
          {...field('licence')}
        />
      </fieldset>
    </>
  );
}
