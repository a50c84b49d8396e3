import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** What the benchmark writes to article.json: the article's title and paragraphs, as text. */
export interface PlainArticle {
  title: string;
  paragraphs: string[];
}

const CHOICES = ['First', 'Second', 'Third', 'Fourth'];

/** One question with four choices, answered the way a quiz is: the choice and a saved state. */
function Question() {
  const [choice, setChoice] = useState<string>();
  return (
    <fieldset>
      <legend>Which paragraph says it first?</legend>
      {CHOICES.map((label) => (
        <label key={label}>
          <input
            type="radio"
            name="answer"
            checked={choice === label}
            onChange={() => setChoice(label)}
          />
          {label}
        </label>
      ))}
      <p role="status">{choice ? 'Saved' : ''}</p>
    </fieldset>
  );
}

/**
 * The benchmark's baseline: a plain Vite + React page that fetches the same article text from a
 * static file and renders it, with nothing else (tests/bench/client-bench.ts).
 */
function PlainArticlePage() {
  const [article, setArticle] = useState<PlainArticle>();
  useEffect(() => {
    void fetch('/article.json')
      .then((response) => response.json() as Promise<PlainArticle>)
      .then(setArticle);
  }, []);
  if (!article) return <p>Loading…</p>;
  return (
    <main>
      <h1>{article.title}</h1>
      {article.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      <Question />
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
createRoot(container).render(
  <StrictMode>
    <PlainArticlePage />
  </StrictMode>,
);
