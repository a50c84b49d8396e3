import type { Article } from '../../article';
import type { BankExport, BankExportInput, InteropNote } from '../interop-format';
import { writeCategoryPath } from './conventions';
import { exportQuestion, type MoodleQuestion } from './export-types';
import { element, leaf, textField } from './xml-writer';

/** The article as Moodle shows text that asks nothing: headings and paragraphs, a blank line apart. */
function articleText(article: Article): string {
  const paragraphText = new Map(
    article.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]),
  );
  const blocks = article.sections.flatMap((section) => [
    ...(section.heading === null ? [] : [section.heading]),
    ...section.paragraphIds.map((id) => paragraphText.get(id) ?? ''),
  ]);
  return [article.meta.title, ...blocks].join('\n\n');
}

function writeQuestion(question: MoodleQuestion): string {
  return element('question', { type: question.type }, [
    element('name', {}, [leaf('text', question.name)]),
    textField('questiontext', question.text),
    textField('generalfeedback', question.generalFeedback),
    leaf('defaultgrade', question.points),
    leaf('penalty', 0),
    leaf('hidden', 0),
    ...question.body,
    ...(question.tags.length === 0
      ? []
      : [
          element(
            'tags',
            {},
            question.tags.map((tag) => element('tag', {}, [leaf('text', tag)])),
          ),
        ]),
  ]);
}

/**
 * A bank as one Moodle XML file (`<bank id>.xml`): a category named by the bank's title, the
 * article as a description, then each question (a two-part question as two). What Moodle has no
 * place for is in the report, question by question (docs/interop-moodle-xml.md).
 */
export function exportMoodleXml({ bank, article }: BankExportInput): BankExport {
  const report: InteropNote[] = [
    {
      kind: 'lossy',
      message:
        'Moodle XML has no place for evidence quotes, skills or difficulty: the questions leave them behind (an evidence question keeps its key, the sentences to choose).',
    },
  ];
  const questions = bank.questions.flatMap((question) => {
    const exported = exportQuestion(question, article);
    for (const message of exported.losses) {
      report.push({ kind: 'lossy', questionId: question.id, message });
    }
    return exported.questions.map(writeQuestion);
  });
  const category = element('question', { type: 'category' }, [
    element('category', {}, [leaf('text', writeCategoryPath(['$course$', 'top', bank.title]))]),
  ]);
  const description = element('question', { type: 'description' }, [
    element('name', {}, [leaf('text', `Article: ${article.meta.title}`)]),
    textField('questiontext', articleText(article)),
    leaf('defaultgrade', 0),
  ]);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${element('quiz', {}, [category, description, ...questions])}\n`;
  return { files: [{ path: `${bank.id}.xml`, text }], report };
}
