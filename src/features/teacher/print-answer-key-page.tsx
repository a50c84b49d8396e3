import type { QuestionResponse } from '../../domain/responses';
import { Loading } from '../../components/load-error';
import { assignmentApi, type AnswerKey } from '../../lib/assignment-api-client';
import { formatPoints } from '../../lib/format-points';
import { PrintedQuestion } from './components/paper-question';
import { PrintSheet } from './components/print-sheet';
import { usePrintedSheet } from './hooks/use-printed-sheet';
import { TeacherLoadError } from './components/teacher-load-error';
import { describeAnswerBriefly, labelOption, optionLetter, printedChoicesOf } from './paper-key';
import './print.css';
import { Detail } from '../../components/detail';

type KeyItem = AnswerKey['questions'][number];

/** The answer key for the teacher: each question's right answer, why, and the proof in the article. */
export function PrintAnswerKeyPage() {
  const { assignmentId, resource, reload } = usePrintedSheet('Answer key', 'answer-key', (id) =>
    assignmentApi.getAnswerKey(id),
  );

  if (resource.status === 'loading') return <Loading label="Preparing the answer key…" />;
  if (resource.status === 'error') {
    return <TeacherLoadError heading="Answer key" error={resource.error} onRetry={reload} />;
  }
  const { assignment, bank, article, questions } = resource.data;
  return (
    <PrintSheet assignmentId={assignmentId} kind="answer key">
      <header className="sheet-header">
        <p className="sheet-kicker">Answer key: for the teacher</p>
        <h1>{assignment.title}</h1>
        <p>
          {bank.title} · on “{article.meta.title}” · {questions.length} questions ·{' '}
          {formatPoints(assignment.maxPoints)} points
        </p>
      </header>
      <section className="sheet-section" aria-labelledby="glance-heading">
        <h2 id="glance-heading">Key at a glance</h2>
        <p className="compact-key">
          {questions.map((item, index) => (
            <span key={item.question.id} className="compact-key-item">
              {index > 0 && <span aria-hidden="true"> · </span>}
              <strong>{item.question.number}</strong>{' '}
              {describeAnswerBriefly(item.question, item.correctResponse)}
            </span>
          ))}
        </p>
        <p className="muted sheet-note">
          Letters are those printed on the student copy; “para 3” is the article’s third paragraph.
        </p>
      </section>
      <section className="sheet-section" aria-labelledby="key-heading">
        <h2 id="key-heading">Answers</h2>
        {questions.map((item) => (
          <KeyEntry key={item.question.id} item={item} />
        ))}
      </section>
    </PrintSheet>
  );
}

function KeyEntry({ item }: { item: KeyItem }) {
  const { question } = item;
  const feedback = Object.entries(item.optionFeedback);
  const choices = printedChoicesOf(question);
  const rightIds = new Set(rightChoiceIdsOf(item.correctResponse));
  const alsoAccept = item.acceptedAnswers.filter((answer) => answer !== item.correctAnswer);
  return (
    <PrintedQuestion question={question} headingId={`key-${question.id}`} className="key-entry">
      {choices.length > 0 && (
        // Every option as printed, wrong ones too, so the key can be marked from alone.
        <ul className="key-options" aria-label={`Options of question ${question.number}`}>
          {choices.map((choice, index) => (
            <li key={choice.id} className={rightIds.has(choice.id) ? 'is-right' : undefined}>
              <strong>{optionLetter(index)}</strong> {choice.text}
              {rightIds.has(choice.id) && <span className="key-right-mark"> ✓ right</span>}
            </li>
          ))}
        </ul>
      )}
      <dl className="answer-facts key-facts">
        <div>
          <dt>Answer</dt>
          <dd className="key-answer">{item.correctAnswer}</dd>
        </div>
        {alsoAccept.length > 0 && <Detail term="Also accept">{alsoAccept.join('; ')}</Detail>}
        <Detail term="Explanation">{item.explanation}</Detail>
        {item.evidence.length > 0 && (
          <Detail term="Evidence">
            <ul className="plain-list">
              {item.evidence.map((evidence) => (
                <li key={`${evidence.paragraphId}:${evidence.start}`}>
                  <q>{evidence.quote}</q>{' '}
                  <span className="muted">
                    (paragraph {evidence.paragraphId.replace(/^p/, '')})
                  </span>
                </li>
              ))}
            </ul>
          </Detail>
        )}
        {feedback.length > 0 && (
          <Detail term="Feedback on wrong answers">
            <ul className="plain-list">
              {feedback.map(([optionId, text]) => (
                <li key={optionId}>
                  <strong>{labelOption(question, optionId)}:</strong> {text}
                </li>
              ))}
            </ul>
          </Detail>
        )}
      </dl>
    </PrintedQuestion>
  );
}

/** The option ids a right answer picks (one or several), for marking them in the list. */
function rightChoiceIdsOf(response: QuestionResponse): string[] {
  const answer = 'partA' in response ? response.partA : response;
  if (!answer) return [];
  if ('choices' in answer) return answer.choices;
  return 'choice' in answer ? [answer.choice] : [];
}
