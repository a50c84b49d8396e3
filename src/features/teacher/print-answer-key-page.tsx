import { useParams } from 'react-router';
import { formatCount } from '../../domain/plural';
import type { PublicQuestion } from '../../domain/public-question';
import type { QuestionResponse } from '../../domain/responses';
import { Loading } from '../../components/load-error';
import { assignmentApi, type AnswerKey } from '../../lib/assignment-api-client';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { PrintSheet } from './components/print-sheet';
import { QuestionText } from './components/question-text';
import { TeacherLoadError } from './components/teacher-load-error';
import { describeAnswerBriefly, labelOption, optionLetter } from './paper-key';
import { formatPoints } from './teacher-labels';
import './print.css';

type KeyItem = AnswerKey['questions'][number];

/** The answer key for the teacher: each question's right answer, why, and the proof in the article. */
export function PrintAnswerKeyPage() {
  const { assignmentId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `answer-key:${assignmentId}`,
    load: () => assignmentApi.getAnswerKey(assignmentId),
  });
  useDocumentTitle(
    resource.status === 'ready' ? `Answer key: ${resource.data.assignment.title}` : 'Answer key',
  );

  if (resource.status === 'loading') return <Loading label="Preparing the answer key…" />;
  if (resource.status === 'error') {
    return (
      <>
        <h1>Answer key</h1>
        <TeacherLoadError error={resource.error} onRetry={reload} />
      </>
    );
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
  const headingId = `key-${question.id}`;
  const feedback = Object.entries(item.optionFeedback);
  const choices = printedChoicesOf(question);
  const rightIds = new Set(rightChoiceIdsOf(item.correctResponse));
  const alsoAccept = item.acceptedAnswers.filter((answer) => answer !== item.correctAnswer);
  return (
    <article className="paper-question key-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Question {question.number}{' '}
        <span className="paper-points">({formatCount(question.points, 'point')})</span>
      </h3>
      <QuestionText question={question} />
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
        {alsoAccept.length > 0 && (
          <div>
            <dt>Also accept</dt>
            <dd>{alsoAccept.join('; ')}</dd>
          </div>
        )}
        <div>
          <dt>Explanation</dt>
          <dd>{item.explanation}</dd>
        </div>
        {item.evidence.length > 0 && (
          <div>
            <dt>Evidence</dt>
            <dd>
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
            </dd>
          </div>
        )}
        {feedback.length > 0 && (
          <div>
            <dt>Feedback on wrong answers</dt>
            <dd>
              <ul className="plain-list">
                {feedback.map(([optionId, text]) => (
                  <li key={optionId}>
                    <strong>{labelOption(question, optionId)}:</strong> {text}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** The options a choice question prints (Part A's for two-part questions), in print order. */
function printedChoicesOf(question: PublicQuestion): { id: string; text: string }[] {
  const item = question.type === 'two-part' ? question.partA : question;
  return 'options' in item ? item.options : [];
}

/** The option ids a right answer picks (one or several), for marking them in the list. */
function rightChoiceIdsOf(response: QuestionResponse): string[] {
  const answer = 'partA' in response ? response.partA : response;
  if (!answer) return [];
  if ('choices' in answer) return answer.choices;
  return 'choice' in answer ? [answer.choice] : [];
}
