import type { PublicPartA, PublicPartB, PublicQuestion } from '../../../domain/public-question';
import { JUDGEMENT_LABELS } from '../../../domain/describe-response';
import { formatCount } from '../../../domain/plural';
import { optionLetter } from '../paper-key';
import { QuestionText } from './question-text';

type Answerable = Exclude<PublicQuestion, { type: 'two-part' }> | PublicPartA | PublicPartB;

function WritingLines({ count }: { count: number }) {
  return (
    <div className="writing-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className="writing-line" />
      ))}
    </div>
  );
}

/** Where a student answers on paper: boxes to tick, blanks to fill, lines to write on. */
function AnswerSpace({ item }: { item: Answerable }) {
  switch (item.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <p className="paper-instruction">
            {item.type === 'single' ? 'Tick one box.' : 'Tick every box that applies.'}
          </p>
          <ul className="paper-choices">
            {item.options.map((option, index) => (
              <li key={option.id}>
                <span className="tick-box" aria-hidden="true" />{' '}
                <strong>{optionLetter(index)}</strong> {option.text}
              </li>
            ))}
          </ul>
        </>
      );
    case 'judgement':
      return (
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
      );
    case 'numeric':
      return (
        <p className="paper-blank">
          Answer: <span className="blank" aria-hidden="true" /> {item.unit ?? ''}
        </p>
      );
    case 'short':
      return <WritingLines count={2} />;
    case 'match':
      return (
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
      );
    case 'order':
      return (
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
      );
    case 'evidence':
      return (
        <>
          <p className="paper-instruction">
            Copy or underline the sentences of the article that prove it.
          </p>
          <WritingLines count={3} />
        </>
      );
  }
}

/** A question on the printed student copy, numbered, with room to answer and no answers. */
export function PaperQuestion({ question }: { question: PublicQuestion }) {
  const headingId = `paper-question-${question.id}`;
  return (
    <article className="paper-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Question {question.number}{' '}
        <span className="paper-points">({formatCount(question.points, 'point')})</span>
      </h3>
      <QuestionText question={question} />
      {question.type === 'two-part' ? (
        <>
          <PaperPart label="Part A" item={question.partA} />
          <PaperPart label="Part B" item={question.partB} />
        </>
      ) : (
        <AnswerSpace item={question} />
      )}
    </article>
  );
}

function PaperPart({ label, item }: { label: string; item: PublicPartA | PublicPartB }) {
  return (
    <div className="paper-part">
      <p className="question-prompt">
        <strong>{label}.</strong> {item.prompt}
      </p>
      {item.type === 'judgement' && (
        <blockquote className="question-statement">
          <p>{item.statement}</p>
        </blockquote>
      )}
      <AnswerSpace item={item} />
    </div>
  );
}
