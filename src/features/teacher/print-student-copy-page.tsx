import { ArticleView } from '../../components/article-view';
import { Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { formatDateTime } from '../../lib/format-date-time';
import { formatMinutes } from '../../lib/labels';
import { PaperQuestion } from './components/paper-question';
import { PrintSheet } from './components/print-sheet';
import { usePrintedSheet } from './hooks/use-printed-sheet';
import { TeacherLoadError } from './components/teacher-load-error';
import './print.css';

/** The paper version for students: the article, then every question with room to answer. */
export function PrintStudentCopyPage() {
  const { assignmentId, resource, reload } = usePrintedSheet('Student copy', 'student-copy', (id) =>
    assignmentApi.getStudentCopy(id),
  );

  if (resource.status === 'loading') return <Loading label="Preparing the student copy…" />;
  if (resource.status === 'error') {
    return <TeacherLoadError heading="Student copy" error={resource.error} onRetry={reload} />;
  }
  const { assignment, article, questions } = resource.data;
  return (
    <PrintSheet assignmentId={assignmentId} kind="student copy">
      <header className="sheet-header">
        <h1>{assignment.title}</h1>
        <p>
          {questions.length} questions · {assignment.maxPoints} points
          {assignment.timeLimitMinutes !== null &&
            ` · ${formatMinutes(assignment.timeLimitMinutes)}`}
          {assignment.dueAt && ` · due ${formatDateTime(assignment.dueAt)}`}
        </p>
        <p className="sheet-name-line">
          Name: <span className="blank blank-long" aria-hidden="true" />
        </p>
      </header>
      <section className="sheet-section" aria-label="The article">
        {/* This device's reading settings set the article on paper too (a large-print copy);
            their buttons stay on screen (article-view.css hides them in print). */}
        <ArticleView article={article} headingLevel={2} withSettings />
      </section>
      <section className="sheet-section sheet-questions" aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions</h2>
        {questions.map((question) => (
          <PaperQuestion key={question.id} question={question} />
        ))}
      </section>
    </PrintSheet>
  );
}
