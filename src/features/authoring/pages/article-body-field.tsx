import { useId, type ClipboardEvent, type Ref } from 'react';
import { articleBodyFromPaste } from '../../../domain/article-body';
import { describedBy, FieldError, FieldHint } from '../../../components/form-field';

/**
 * The article's text. A paste of rich text (HTML on the clipboard) or of several lines is reduced
 * to paragraphs and `## ` headings before it goes in: the HTML is read as text, never rendered.
 */
export function ArticleBodyField({
  value,
  onChange,
  error,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  const hint =
    'Paste the text, or type it: a blank line between paragraphs, “## ” before a heading. Formatting pasted from a web page or a document becomes plain paragraphs and headings.';

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    if (html === '' && !text.includes('\n')) return;
    event.preventDefault();
    const pasted = articleBodyFromPaste(html === '' ? { text } : { text, html });
    const { selectionStart, selectionEnd } = event.currentTarget;
    onChange(value.slice(0, selectionStart) + pasted + value.slice(selectionEnd));
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        The text
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      <textarea
        ref={ref}
        id={id}
        className="text-input authoring-body"
        rows={16}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
        onPaste={paste}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
