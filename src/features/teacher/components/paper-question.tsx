import type { ReactNode } from 'react';
import { QuestionSubject, QuestionText } from '../../../components/question-text';
import { JUDGEMENT_LABELS } from '../../../domain/describe-response';
import { formatCount } from '../../../domain/plural';
import type { PublicPartA, PublicPartB, PublicQuestion } from '../../../domain/public-question';
import { renderEntry, type ByQuestionType } from '../../../lib/question-registry';
import { optionLetter } from '../paper-key';

type Printable = PublicQuestion | PublicPartA | PublicPartB;

function WritingLines({ count }: { count: number }) {
  return (
    <div className="writing-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className="writing-line" />
      ))}
    </div>
  );
}

type PaperItem<T extends Printable['type']> = { item: Extract<Printable, { type: T }> };

function ChoiceBoxes({
  item,
  instruction,
}: PaperItem<'single' | 'multiple'> & { instruction: string }) {
  return (
    <>
      <p className="paper-instruction">{instruction}</p>
      <ul className="paper-choices">
        {item.options.map((option, index) => (
          <li key={option.id}>
            <span className="tick-box" aria-hidden="true" /> <strong>{optionLetter(index)}</strong>{' '}
            {option.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The passage with a numbered blank for each gap, then each drop-down gap's choices. */
function ClozeBlanks({ item }: PaperItem<'cloze'>) {
  const gaps = item.segments.flatMap((segment) => (segment.kind === 'gap' ? [segment] : []));
  const numberOf = (gapId: string) => gaps.findIndex((gap) => gap.gapId === gapId) + 1;
  return (
    <>
      <p className="paper-instruction">Write the article&rsquo;s words in each gap.</p>
      <p className="paper-cloze">
        {item.segments.map((segment, index) =>
          segment.kind === 'text' ? (
            <span key={index}>{segment.text}</span>
          ) : (
            <span key={segment.gapId}>
              ({numberOf(segment.gapId)}) <span className="blank" aria-hidden="true" />
            </span>
          ),
        )}
      </p>
      {gaps.some((gap) => gap.choices !== null) && (
        <ul className="paper-choices">
          {gaps.map((gap) =>
            gap.choices === null ? null : (
              <li key={gap.gapId}>
                <strong>Gap {numberOf(gap.gapId)}:</strong> {gap.choices.join(' / ')}
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}

function TwoParts({ item }: PaperItem<'two-part'>) {
  return (
    <>
      <PaperPart label="Part A" item={item.partA} />
      <PaperPart label="Part B" item={item.partB} />
    </>
  );
}

/** Where a student answers on paper: boxes to tick, blanks to fill, lines to write on. */
const ANSWER_SPACES: ByQuestionType<Printable, object, ReactNode> = {
  single: ({ item }) => <ChoiceBoxes item={item} instruction="Tick one box." />,
  multiple: ({ item }) => <ChoiceBoxes item={item} instruction="Tick every box that applies." />,
  judgement: ({ item }) => (
    <>
      <p className="paper-instruction">Tick one box.</p>
      <ul className="paper-choices paper-choices-inline">
        {item.choices.map((choice) => (
          <li key={choice}>
            <span className="tick-box" aria-hidden="true" /> {JUDGEMENT_LABELS[choice]}
          </li>
        ))}
      </ul>
    </>
  ),
  numeric: ({ item }) => (
    <p className="paper-blank">
      Answer: <span className="blank" aria-hidden="true" /> {item.unit ?? ''}
    </p>
  ),
  short: () => <WritingLines count={2} />,
  match: ({ item }) => (
    <div className="paper-match">
      <p className="paper-instruction">Write the letter of the match next to each item.</p>
      <ol className="paper-match-left">
        {item.left.map((left) => (
          <li key={left.id}>
            {left.text} <span className="blank blank-short" aria-hidden="true" />
          </li>
        ))}
      </ol>
      <ul className="paper-match-right">
        {item.right.map((right, index) => (
          <li key={right.id}>
            <strong>{optionLetter(index)}</strong> {right.text}
          </li>
        ))}
      </ul>
    </div>
  ),
  order: ({ item }) => (
    <>
      <p className="paper-instruction">Number the boxes 1 to {item.items.length} in order.</p>
      <ul className="paper-choices">
        {item.items.map((entry) => (
          <li key={entry.id}>
            <span className="tick-box tick-box-wide" aria-hidden="true" /> {entry.text}
          </li>
        ))}
      </ul>
    </>
  ),
  evidence: () => (
    <>
      <p className="paper-instruction">
        Copy or underline the sentences of the article that prove it.
      </p>
      <WritingLines count={3} />
    </>
  ),
  'two-part': TwoParts,
  cloze: ClozeBlanks,
};

/**
 * A question as printed, on the student copy or the answer key: headed by its number and points,
 * then its text, then `children` (room to answer, or the key).
 */
export function PrintedQuestion({
  question,
  headingId,
  className,
  children,
}: {
  question: PublicQuestion;
  headingId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <article
      className={className ? `paper-question ${className}` : 'paper-question'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        Question {question.number}{' '}
        <span className="paper-points">({formatCount(question.points, 'point')})</span>
      </h3>
      <QuestionText question={question} />
      {children}
    </article>
  );
}

/** A question on the printed student copy, numbered, with room to answer and no answers. */
export function PaperQuestion({ question }: { question: PublicQuestion }) {
  return (
    <PrintedQuestion question={question} headingId={`paper-question-${question.id}`}>
      {renderEntry(ANSWER_SPACES, { item: question })}
    </PrintedQuestion>
  );
}

function PaperPart({ label, item }: { label: string; item: PublicPartA | PublicPartB }) {
  return (
    <div className="paper-part">
      <p className="question-prompt">
        <strong>{label}.</strong> {item.prompt}
      </p>
      <QuestionSubject item={item} />
      {renderEntry(ANSWER_SPACES, { item })}
    </div>
  );
}
