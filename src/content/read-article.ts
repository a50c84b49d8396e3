import { parseArticle, type Article, type ArticleMeta } from '../domain/article';
import { articleMetaSchema } from '../domain/article-schema';
import { describeIssues } from '../domain/describe-issues';
import { checkGlossary, markGlossaryTerms, type GlossaryEntry } from '../domain/glossary';
import type { ContentProblem } from './content-problem';
import { parseYaml, problemAtPath, type YamlSource } from './yaml-source';

export interface ArticleFile {
  file: string;
  /** The article as parsed, also when its front matter is wrong, so banks can still be checked. */
  article: Article;
  /** The problems of this file; the article is usable only when there are none. */
  problems: ContentProblem[];
}

const FENCE = /^---\s*$/;

function problemAtLine(file: string, line: number, message: string): ContentProblem {
  return { file, line, column: 1, message };
}

/** The entries of a front matter's glossary with a text term and definition, in place. */
function readGlossaryEntries(data: unknown): GlossaryEntry[] | undefined {
  const list = (data as { glossary?: unknown } | null)?.glossary;
  if (!Array.isArray(list)) return undefined;
  return list.map((item: unknown) => {
    const { term, definition } = (item ?? {}) as Record<string, unknown>;
    return {
      term: typeof term === 'string' ? term : '',
      definition: typeof definition === 'string' ? definition : '',
    };
  });
}

/** Reads the front matter and returns its meta, or `undefined` with the problems that prevent it. */
function readFrontMatter(
  file: string,
  text: string,
  folderId: string,
): {
  meta: ArticleMeta | undefined;
  source?: YamlSource;
  /** The glossary's well-formed entries when the front matter is wrong, so its terms are checked. */
  glossary?: GlossaryEntry[];
  problems: ContentProblem[];
} {
  const { source, data, problems } = parseYaml(file, text, 2);
  if (problems.length > 0) return { meta: undefined, problems };
  const parsed = articleMetaSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      meta: undefined,
      source,
      glossary: readGlossaryEntries(data),
      problems: describeIssues(articleMetaSchema, data ?? {}, parsed.error.issues).map((issue) =>
        problemAtPath(source, issue.path, issue.message, { target: issue.target }),
      ),
    };
  }
  if (parsed.data.id !== folderId) {
    return {
      meta: undefined,
      source,
      glossary: parsed.data.glossary,
      problems: [
        problemAtPath(
          source,
          ['id'],
          `The article id "${parsed.data.id}" must be the name of its folder, "${folderId}". Change one to match the other.`,
        ),
      ],
    };
  }
  return { meta: parsed.data, source, problems: [] };
}

/**
 * Reads `questions/<folderId>/article.md`: YAML front matter between `---` lines, validated by
 * `articleMetaSchema`, then the text, parsed into sections, paragraphs and sentences. Problems
 * carry file lines, counting the front matter.
 */
export function readArticle(file: string, text: string, folderId: string): ArticleFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: ContentProblem[] = [];
  let meta: ArticleMeta | undefined;
  let metaSource: YamlSource | undefined;
  let glossary: GlossaryEntry[] | undefined;
  let bodyStartIndex = 0;

  if (!FENCE.test(lines[0] ?? '')) {
    problems.push(
      problemAtLine(
        file,
        1,
        'Start the article with front matter: a line "---", the fields id, title, summary, sources, genre, note and language, then another "---".',
      ),
    );
  } else {
    const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
    if (closing === -1) {
      problems.push(
        problemAtLine(file, 1, 'The front matter is never closed. Add a line "---" after it.'),
      );
      bodyStartIndex = lines.length;
    } else {
      const frontMatter = readFrontMatter(file, lines.slice(1, closing).join('\n'), folderId);
      meta = frontMatter.meta;
      metaSource = frontMatter.source;
      glossary = frontMatter.meta?.glossary ?? frontMatter.glossary;
      problems.push(...frontMatter.problems);
      bodyStartIndex = closing + 1;
    }
  }

  // Without valid front matter the text is still parsed, so the banks' quotes can be checked.
  const fallbackMeta: ArticleMeta = {
    id: folderId,
    title: folderId,
    summary: '',
    sources: [],
    genre: '',
    note: '',
    language: 'en',
  };
  const parsed = parseArticle(meta ?? fallbackMeta, lines.slice(bodyStartIndex).join('\n'));
  for (const problem of parsed.problems) {
    // A stale sentence correction is placed at its entry in the front matter.
    problems.push(
      problem.metaPath && metaSource
        ? problemAtPath(metaSource, problem.metaPath, problem.message)
        : {
            file,
            line: problem.line + bodyStartIndex,
            column: problem.column,
            message: problem.message,
          },
    );
  }
  // Glossary terms are placed at their entries in the front matter: not found, or given twice.
  // They are checked also when other fields are wrong, so one run reports every problem.
  if (glossary && metaSource) {
    const { counts } = markGlossaryTerms(parsed.article.paragraphs, glossary);
    for (const { entry, message } of checkGlossary(glossary, counts)) {
      if (glossary[entry]?.term.trim() === '') continue; // the schema says what is wrong with it
      problems.push(problemAtPath(metaSource, ['glossary', entry, 'term'], message));
    }
  }
  return { file, article: parsed.article, problems };
}
