import type { ReactNode } from 'react';
import { findSentence, type Article } from '../domain/article';
import { describeResponse } from '../domain/describe-response';
import { isSameAnswer } from '../domain/match-typed-answer';
import type {
  PublicChoice,
  PublicPartA,
  PublicPartB,
  PublicQuestion,
} from '../domain/public-question';
import type { QuestionResponse } from '../domain/responses';
import type { GapResult, PartScores } from '../domain/results';
import { isAnswered } from '../domain/question-types/response-kinds';
import { formatPointsOf } from '../lib/format-points';
import { RESULT_STATUS_LABELS } from '../lib/question-labels';
import {
  asCloze,
  asEvidence,
  asMatch,
  asMultiple,
  asOrder,
  asTwoPart,
} from '../lib/narrow-response';
import { renderEntry, type ByQuestionType } from '../lib/question-registry';
import { StatusBadge } from './status-badge';
import './answer-view.css';

type Answerable = PublicQuestion | PublicPartA | PublicPartB;

function textOf(choices: readonly PublicChoice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

/** Right or wrong, said in words with a mark beside it, so colour is never the only sign. */
export function PartMark({ right }: { right: boolean }) {
  const { mark, label } = RESULT_STATUS_LABELS[right ? 'correct' : 'incorrect'];
  return (
    <span className={`part-mark ${right ? 'part-mark-right' : 'part-mark-wrong'}`}>
      <span aria-hidden="true">{mark}</span> {label}
    </span>
  );
}

interface ViewProps {
  response: QuestionResponse;
  article: Article;
  /** The right answer, to mark each part of `response`; undefined when `response` is it. */
  correct: QuestionResponse | undefined;
  parts: PartScores | undefined;
  gaps: readonly GapResult[] | undefined;
  /** The accepted answer a right typed answer matched. */
  matchedAnswer: string | undefined;
}

/**
 * Which accepted answer a typed one was taken as, when it is not the same once normalised: the
 * student learns that "state agency RIA Novosti" counted as "RIA Novosti".
 */
function AcceptedAs({ given, matched }: { given: string; matched: string | undefined }) {
  if (matched === undefined || isSameAnswer(given, matched)) return null;
  return (
    <>
      {' '}
      <span className="answer-accepted-as">Accepted as “{matched}”</span>
    </>
  );
}

/** An answer that reads as a few words: a choice, a judgement, a number, a typed answer. */
function DescribedAnswer({ item, response, matchedAnswer }: ViewProps & { item: Answerable }) {
  const text = describeResponse(item, response);
  return (
    <>
      {text}
      <AcceptedAs given={text} matched={matchedAnswer} />
    </>
  );
}

function ChoicesAnswer({
  item,
  response,
  correct,
}: ViewProps & { item: Extract<Answerable, { type: 'multiple' }> }) {
  const rightChoices = correct ? (asMultiple(correct)?.choices ?? []) : undefined;
  return (
    <ul className="answer-list">
      {(asMultiple(response)?.choices ?? []).map((id) => (
        <li key={id}>
          {textOf(item.options, id)}
          {rightChoices && <PartMark right={rightChoices.includes(id)} />}
        </li>
      ))}
    </ul>
  );
}

function MatchAnswer({
  item,
  response,
  correct,
}: ViewProps & { item: Extract<Answerable, { type: 'match' }> }) {
  const pairs = asMatch(response)?.pairs ?? {};
  const rightPairs = correct ? asMatch(correct)?.pairs : undefined;
  return (
    <ul className="answer-list">
      {item.left
        .filter((left) => pairs[left.id] !== undefined)
        .map((left) => (
          <li key={left.id}>
            {left.text} → {textOf(item.right, pairs[left.id] ?? '')}
            {rightPairs && <PartMark right={rightPairs[left.id] === pairs[left.id]} />}
          </li>
        ))}
    </ul>
  );
}

function OrderAnswer({
  item,
  response,
  correct,
}: ViewProps & { item: Extract<Answerable, { type: 'order' }> }) {
  const rightOrder = correct ? asOrder(correct)?.order : undefined;
  return (
    <ol className="answer-list">
      {(asOrder(response)?.order ?? []).map((id, position) => (
        <li key={id}>
          {textOf(item.items, id)}
          {rightOrder && <PartMark right={rightOrder[position] === id} />}
        </li>
      ))}
    </ol>
  );
}

function EvidenceAnswer({ response, article }: ViewProps) {
  return (
    <ul className="answer-list answer-quotes">
      {(asEvidence(response)?.sentences ?? []).map((id) => (
        <li key={id}>
          <q>{findSentence(article, id)?.text ?? id}</q>
        </li>
      ))}
    </ul>
  );
}

/** The passage with each gap filled as the student filled it, each gap marked when `gaps` is given. */
function ClozeAnswer({
  item,
  response,
  gaps,
}: ViewProps & { item: Extract<Answerable, { type: 'cloze' }> }) {
  const given = asCloze(response)?.gaps ?? {};
  return (
    <p className="answer-cloze">
      {item.segments.map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        const text = given[segment.gapId]?.trim() ?? '';
        const result = gaps?.find((gap) => gap.gapId === segment.gapId);
        return (
          <span key={segment.gapId} className="answer-gap">
            {text === '' ? <span className="muted">(empty)</span> : <strong>{text}</strong>}
            {result && (
              <>
                {' '}
                <PartMark right={result.correct} />
                <AcceptedAs given={text} matched={result.matchedAnswer} />
              </>
            )}
          </span>
        );
      })}
    </p>
  );
}

function TwoPartAnswer({
  item,
  response,
  article,
  correct,
  parts,
}: ViewProps & { item: Extract<Answerable, { type: 'two-part' }> }) {
  const given = asTwoPart(response) ?? {};
  const right = correct ? (asTwoPart(correct) ?? {}) : undefined;
  const rows = [
    { key: 'partA', label: 'Part A', item: item.partA, score: parts?.partA },
    { key: 'partB', label: 'Part B', item: item.partB, score: parts?.partB },
  ] as const;
  return (
    <dl className="answer-parts">
      {rows.map((row) => (
        <div key={row.key} className="answer-part">
          <dt>
            {row.label}
            {row.score && (
              <>
                {' '}
                <StatusBadge status={row.score.status} part />{' '}
                <span className="answer-part-points">
                  {formatPointsOf(row.score.points, row.score.maxPoints)}
                </span>
              </>
            )}
          </dt>
          <dd>
            <AnswerView
              item={row.item}
              response={given[row.key]}
              article={article}
              correct={right?.[row.key]}
              matchedAnswer={row.score?.matchedAnswer}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** How each type's answer reads in a review: a compile error names a type left out. */
const ANSWER_VIEWS: ByQuestionType<Answerable, ViewProps, ReactNode> = {
  single: DescribedAnswer,
  multiple: ChoicesAnswer,
  judgement: DescribedAnswer,
  numeric: DescribedAnswer,
  short: DescribedAnswer,
  match: MatchAnswer,
  order: OrderAnswer,
  evidence: EvidenceAnswer,
  'two-part': TwoPartAnswer,
  cloze: ClozeAnswer,
};

interface AnswerViewProps {
  item: Answerable;
  response: QuestionResponse | null | undefined;
  article: Article;
  /**
   * The right answer, to mark each part of `response` (each tick, pair or position) right or
   * wrong. Left out when `response` is itself the right answer.
   */
  correct?: QuestionResponse;
  /** A two-part question's score of each part, shown beside that part. */
  parts?: PartScores;
  /** A cloze question's mark of each gap, shown beside that gap. */
  gaps?: readonly GapResult[];
  /** The accepted answer a right typed answer matched, shown when it reads differently. */
  matchedAnswer?: string;
}

/**
 * An answer as the student and the teacher read it after scoring: a word or a number as text,
 * and answers made of several parts (choices, pairs, an order, sentences, two parts) as lists,
 * each part marked right or wrong when `correct` is given.
 */
export function AnswerView({
  item,
  response,
  article,
  correct,
  parts,
  gaps,
  matchedAnswer,
}: AnswerViewProps) {
  if (!response || !isWorthShowing(response)) {
    return <span className="muted">No answer</span>;
  }
  return renderEntry(ANSWER_VIEWS, {
    item,
    response,
    article,
    correct,
    parts,
    gaps,
    matchedAnswer,
  });
}

/** A two-part answer with one part is still worth showing; other answers must be complete. */
function isWorthShowing(response: QuestionResponse): boolean {
  const parts = asTwoPart(response);
  return parts ? isAnswered(parts.partA) || isAnswered(parts.partB) : isAnswered(response);
}
