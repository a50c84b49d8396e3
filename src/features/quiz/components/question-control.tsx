import type { Article } from '../../../domain/article';
import { assertNever } from '../../../domain/assert-never';
import type {
  PublicEvidence,
  PublicJudgement,
  PublicMatch,
  PublicMultiple,
  PublicNumeric,
  PublicOrder,
  PublicQuestion,
  PublicShort,
  PublicSingle,
} from '../../../domain/public-question';
import type { QuestionResponse } from '../../../domain/responses';
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
import { EvidenceControl } from './evidence-control';
import { JudgementControl } from './judgement-control';
import { MatchControl } from './match-control';
import { MultipleChoiceControl } from './multiple-choice-control';
import { NumericControl } from './numeric-control';
import { OrderControl } from './order-control';
import { ShortAnswerControl } from './short-answer-control';
import { SingleChoiceControl } from './single-choice-control';

/** Anything answered with one control: a whole question, or one part of a two-part question. */
type AnswerItem =
  | PublicSingle
  | PublicMultiple
  | PublicJudgement
  | PublicNumeric
  | PublicShort
  | PublicMatch
  | PublicOrder
  | PublicEvidence
  | Omit<PublicEvidence, 'claim'>;

interface EvidencePlacement {
  article: Article;
  articlePlace: string;
  onOpenArticle?: () => void;
}

interface AnswerControlProps extends EvidencePlacement {
  item: AnswerItem;
  label: string;
  response: QuestionResponse | undefined;
  onChange: (response: QuestionResponse) => void;
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
  onChange: (response: QuestionResponse) => void;
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
          onChange={(partA) => onChange({ ...twoPart, partA: partA as typeof twoPart.partA })}
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
          onChange={(partB) => onChange({ ...twoPart, partB: partB as typeof twoPart.partB })}
          {...placement}
        />
      </section>
    </div>
  );
}
