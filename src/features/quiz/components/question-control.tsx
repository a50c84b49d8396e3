import type { ComponentType, ReactNode } from 'react';
import type { Article } from '../../../domain/article';
import type { PublicPartA, PublicPartB, PublicQuestion } from '../../../domain/public-question';
import type { PartAResponse, PartBResponse, QuestionResponse } from '../../../domain/responses';
import * as narrow from '../../../lib/narrow-response';
import { renderEntry, type ByQuestionType } from '../../../lib/question-registry';
import { withPart } from '../two-part-response';
import { ClozeControl } from './cloze-control';
import { EvidenceControl } from './evidence-control';
import { JudgementControl } from './judgement-control';
import { MatchControl } from './match-control';
import { MultipleChoiceControl } from './multiple-choice-control';
import { NumericControl } from './numeric-control';
import { OrderControl } from './order-control';
import { ShortAnswerControl } from './short-answer-control';
import { SingleChoiceControl } from './single-choice-control';

/** A whole question, or one part of a two-part question. */
type AnswerItem = PublicQuestion | PublicPartA | PublicPartB;

/** Reports the new answer; undefined when the student took it back (an emptied field, ...). */
type AnswerChange = (response: QuestionResponse | undefined) => void;

interface EvidencePlacement {
  article: Article;
  articlePlace: string;
  onOpenArticle?: () => void;
}

interface ControlProps extends EvidencePlacement {
  label: string;
  response: QuestionResponse | undefined;
  onChange: AnswerChange;
}

/** Part A then Part B, each with its own control; a part taken back leaves the other. */
function TwoPartControl({
  item,
  response,
  onChange,
  label,
  ...placement
}: ControlProps & { item: Extract<AnswerItem, { type: 'two-part' }> }) {
  const twoPart = narrow.asTwoPart(response) ?? {};
  const parts = [
    { part: 'partA', heading: 'Part A', headingId: `${item.id}-part-a`, partItem: item.partA },
    { part: 'partB', heading: 'Part B', headingId: `${item.id}-part-b`, partItem: item.partB },
  ] as const;
  return (
    <div className="two-part">
      <p className="question-prompt">{label}</p>
      {parts.map(({ part, heading, headingId, partItem }) => (
        <section key={part} className="question-part" aria-labelledby={headingId}>
          <h3 id={headingId} className="part-heading">
            {heading}
          </h3>
          {renderEntry(ANSWER_CONTROLS, {
            item: partItem,
            label: partItem.prompt,
            response: twoPart[part],
            onChange: (answer) =>
              onChange(withPart(twoPart, part, answer as PartAResponse | PartBResponse)),
            ...placement,
          })}
        </section>
      ))}
    </div>
  );
}

/**
 * The entry of a control that takes the item, its label, and the saved answer read as its own
 * type's shape (see narrow-response.ts).
 */
function controlFor<Item, Response>(
  Control: ComponentType<{
    question: Item;
    label: string;
    response: Response | undefined;
    onChange: AnswerChange;
  }>,
  readResponse: (response: QuestionResponse | undefined) => Response | undefined,
) {
  return function AnswerControl({
    item,
    label,
    response,
    onChange,
  }: ControlProps & { item: Item }) {
    return (
      <Control
        question={item}
        label={label}
        response={readResponse(response)}
        onChange={onChange}
      />
    );
  };
}

/** The control that answers each type: a compile error names a type left out. */
const ANSWER_CONTROLS: ByQuestionType<AnswerItem, ControlProps, ReactNode> = {
  single: controlFor(SingleChoiceControl, narrow.asSingle),
  multiple: controlFor(MultipleChoiceControl, narrow.asMultiple),
  judgement: controlFor(JudgementControl, narrow.asJudgement),
  numeric: controlFor(NumericControl, narrow.asNumeric),
  short: controlFor(ShortAnswerControl, narrow.asShort),
  match: controlFor(MatchControl, narrow.asMatch),
  order: controlFor(OrderControl, narrow.asOrder),
  evidence: ({ item, response, ...props }) => (
    // Part B of a two-part question has no claim: it proves Part A's answer.
    <EvidenceControl
      claim={'claim' in item ? item.claim : undefined}
      response={narrow.asEvidence(response)}
      {...props}
    />
  ),
  'two-part': TwoPartControl,
  cloze: controlFor(ClozeControl, narrow.asCloze),
};

interface QuestionControlProps extends EvidencePlacement {
  question: PublicQuestion;
  response: QuestionResponse | undefined;
  onChange: AnswerChange;
}

/** The control that answers a question of any type; a two-part question shows Part A then Part B. */
export function QuestionControl({ question, ...props }: QuestionControlProps) {
  return renderEntry(ANSWER_CONTROLS, { item: question, label: question.prompt, ...props });
}
