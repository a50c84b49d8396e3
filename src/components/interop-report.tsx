import { countNotedQuestions, notedQuestion } from '../domain/interop/interop-format';
import type { InteropNote } from '../lib/authoring-api-client';
import './interop-report.css';

const KIND_LABELS: Record<InteropNote['kind'], string> = {
  lossy: 'With a loss',
  skipped: 'Left out',
  unsupported: 'Not imported (a type Readproof does not score)',
  invalid: 'Not imported (could not be read)',
};

/** Where a note's question is: its name and its place in the file, as far as the note knows. */
function placeOf(note: InteropNote): string {
  const where = [note.file, note.line === undefined ? undefined : `line ${note.line}`].filter(
    (part): part is string => part !== undefined,
  );
  const name = note.name ?? note.questionId;
  if (name === undefined) return where.join(', ');
  return where.length > 0 ? `${name} (${where.join(', ')})` : name;
}

function NoteList({ notes }: { notes: readonly InteropNote[] }) {
  return (
    <ul>
      {notes.map((note, index) => {
        const place = placeOf(note);
        return (
          <li key={index}>
            {place && <strong>{place}: </strong>}
            {note.message}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The notes of an export or import report: first those about the whole quiz (what the format
 * cannot hold at all), then the questions grouped by what happened to each, each with its name,
 * file and line: a teacher reads what was lost and where to look in their file.
 */
export function InteropReport({
  notes,
  headingLevel,
}: {
  notes: readonly InteropNote[];
  /** One below the heading of the section the report is in. */
  headingLevel: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const quizWide = notes.filter((note) => notedQuestion(note) === undefined);
  const perQuestion = notes.filter((note) => notedQuestion(note) !== undefined);
  const kinds = (Object.keys(KIND_LABELS) as InteropNote['kind'][]).filter((kind) =>
    perQuestion.some((note) => note.kind === kind),
  );
  return (
    <>
      {quizWide.length > 0 && (
        <section className="interop-report-group">
          <Heading>About the whole quiz</Heading>
          <NoteList notes={quizWide} />
        </section>
      )}
      {kinds.map((kind) => (
        <section key={kind} className="interop-report-group">
          <Heading>{KIND_LABELS[kind]}</Heading>
          <NoteList notes={perQuestion.filter((note) => note.kind === kind)} />
        </section>
      ))}
    </>
  );
}

/**
 * How many distinct questions a report names (a question may have several notes); notes about the
 * whole quiz are about no question and not counted.
 */
export function countReportedQuestions(notes: readonly InteropNote[]): number {
  return countNotedQuestions(notes);
}
