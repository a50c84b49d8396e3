import { useParams } from 'react-router';
import { Loading } from '../../components/load-error';
import { assignmentApi, type AnswerKey } from '../../lib/assignment-api-client';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { PrintSheet } from './components/print-sheet';
import { QuestionText } from './components/question-text';
import { TeacherLoadError } from './components/teacher-load-error';
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
  return (
    <article className="paper-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Question {question.number}{' '}
        <span className="paper-points">
          ({question.points} {question.points === 1 ? 'point' : 'points'})
        </span>
      </h3>
      <QuestionText question={question} />
      <dl className="answer-facts">
        <div>
          <dt>Answer</dt>
          <dd className="key-answer">{item.correctAnswer}</dd>
        </div>
        {item.acceptedAnswers.length > 0 && (
          <div>
            <dt>Also accept</dt>
            <dd>{item.acceptedAnswers.join('; ')}</dd>
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
                  <li key={optionId}>{text}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
