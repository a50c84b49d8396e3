import type { Article } from '../../../domain/article';
import { assertNever } from '../../../domain/assert-never';
import type {
  PublicBody,
  PublicPartB,
  PublicQuestion,
  PublicTwoPart,
} from '../../../domain/public-question';
import type { PartAResponse, PartBResponse, QuestionResponse } from '../../../domain/responses';
import {
  asEvidence,
  asJudgement,
  asMatch,
  asMultiple,
  asNumeric,
  asOrder,
  asShort,
  asSingle,
  asTwoPart,
} from '../../../lib/narrow-response';
import { withPart } from '../two-part-response';
import { EvidenceControl } from './evidence-control';
import { JudgementControl } from './judgement-control';
import { MatchControl } from './match-control';
import { MultipleChoiceControl } from './multiple-choice-control';
import { NumericControl } from './numeric-control';
import { OrderControl } from './order-control';
import { ShortAnswerControl } from './short-answer-control';
import { SingleChoiceControl } from './single-choice-control';

/** Anything answered with one control: a whole question, or one part of a two-part question. */
type AnswerItem = Exclude<PublicBody, PublicTwoPart> | PublicPartB;

/** Reports the new answer; undefined when the student took it back (an emptied field, ...). */
type AnswerChange = (response: QuestionResponse | undefined) => void;

interface EvidencePlacement {
  article: Article;
  articlePlace: string;
  onOpenArticle?: () => void;
}

interface AnswerControlProps extends EvidencePlacement {
  item: AnswerItem;
  label: string;
  response: QuestionResponse | undefined;
  onChange: AnswerChange;
}

function AnswerControl({ item, label, response, onChange, ...placement }: AnswerControlProps) {
  switch (item.type) {
    case 'single':
      return (
        <SingleChoiceControl
          question={item}
          label={label}
          response={asSingle(response)}
          onChange={onChange}
        />
      );
    case 'multiple':
      return (
        <MultipleChoiceControl
          question={item}
          label={label}
          response={asMultiple(response)}
          onChange={onChange}
        />
      );
    case 'judgement':
      return (
        <JudgementControl
          question={item}
          label={label}
          response={asJudgement(response)}
          onChange={onChange}
        />
      );
    case 'numeric':
      return (
        <NumericControl
          question={item}
          label={label}
          response={asNumeric(response)}
          onChange={onChange}
        />
      );
    case 'short':
      return (
        <ShortAnswerControl
          question={item}
          label={label}
          response={asShort(response)}
          onChange={onChange}
        />
      );
    case 'match':
      return (
        <MatchControl
          question={item}
          label={label}
          response={asMatch(response)}
          onChange={onChange}
        />
      );
    case 'order':
      return (
        <OrderControl
          question={item}
          label={label}
          response={asOrder(response)}
          onChange={onChange}
        />
      );
    case 'evidence':
      return (
        <EvidenceControl
          label={label}
          claim={'claim' in item ? item.claim : undefined}
          response={asEvidence(response)}
          onChange={onChange}
          {...placement}
        />
      );
    default:
      return assertNever(item);
  }
}

interface QuestionControlProps extends EvidencePlacement {
  question: PublicQuestion;
  response: QuestionResponse | undefined;
  onChange: AnswerChange;
}

/** The control that answers a question of any type; a two-part question shows Part A then Part B. */
export function QuestionControl({
  question,
  response,
  onChange,
  ...placement
}: QuestionControlProps) {
  if (question.type !== 'two-part') {
    return (
      <AnswerControl
        item={question}
        label={question.prompt}
        response={response}
        onChange={onChange}
        {...placement}
      />
    );
  }
  const twoPart = asTwoPart(response) ?? {};
  return (
    <div className="two-part">
      <p className="question-prompt">{question.prompt}</p>
      <section className="question-part" aria-labelledby={`${question.id}-part-a`}>
        <h3 id={`${question.id}-part-a`} className="part-heading">
          Part A
        </h3>
        <AnswerControl
          item={question.partA}
          label={question.partA.prompt}
          response={twoPart.partA}
          onChange={(partA) => onChange(withPart(twoPart, 'partA', partA as PartAResponse))}
          {...placement}
        />
      </section>
      <section className="question-part" aria-labelledby={`${question.id}-part-b`}>
        <h3 id={`${question.id}-part-b`} className="part-heading">
          Part B
        </h3>
        <AnswerControl
          item={question.partB}
          label={question.partB.prompt}
          response={twoPart.partB}
          onChange={(partB) => onChange(withPart(twoPart, 'partB', partB as PartBResponse))}
          {...placement}
        />
      </section>
    </div>
  );
}
