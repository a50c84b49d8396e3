import { normaliseAcceptedAnswer } from '../../domain/regrade';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import type { AttemptResult } from '../../domain/results';

/**
 * A typed answer (a short question's, or a typed cloze gap's) that the bank did not accept, with
 * how many submitted attempts gave it: what a teacher may accept by a regrade. Answers that
 * normalise alike are one entry, shown as the way most students typed it.
 */
export interface TypedAnswerTally {
  questionId: string;
  /** The cloze gap; null for a short question. */
  gapId: string | null;
  /** The gap's number in the question (1, 2, 3); null for a short question. */
  gapNumber: number | null;
  /** The answer as most students who gave it typed it. */
  answer: string;
  normalisedAnswer: string;
  /** Submitted attempts that gave this answer. */
  count: number;
  /** The teacher has accepted it (a live acceptance), so those attempts count it right. */
  acceptedByTeacher: boolean;
}

interface Group {
  tally: TypedAnswerTally;
  spellings: Map<string, number>;
}

/**
 * Every wrong or teacher-accepted typed answer of the assignment's short questions and typed
 * cloze gaps, from the submitted results: by question in bank order, then gap, then most given
 * first. A right answer the bank matched is left out, and so is a blank one.
 */
export function tallyTypedAnswers(
  questions: readonly ResolvedQuestion[],
  results: readonly AttemptResult[],
): TypedAnswerTally[] {
  const groups = new Map<string, Group>();
  const add = (
    questionId: string,
    gapId: string | null,
    gapNumber: number | null,
    text: string,
    acceptedByTeacher: boolean,
  ) => {
    const normalisedAnswer = normaliseAcceptedAnswer(text);
    if (normalisedAnswer === '') return;
    const key = JSON.stringify([questionId, gapId, normalisedAnswer]);
    let group = groups.get(key);
    if (!group) {
      group = {
        tally: {
          questionId,
          gapId,
          gapNumber,
          answer: text.trim().replace(/\s+/g, ' '),
          normalisedAnswer,
          count: 0,
          acceptedByTeacher: false,
        },
        spellings: new Map(),
      };
      groups.set(key, group);
    }
    group.tally.count += 1;
    if (acceptedByTeacher) group.tally.acceptedByTeacher = true;
    // Runs of spaces are one: they never change the meaning, and are hard to see on the page.
    const spelling = text.trim().replace(/\s+/g, ' ');
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  };

  const typedGaps = new Map(
    questions.flatMap((question) =>
      question.type === 'cloze'
        ? question.gaps.flatMap((gap, index) =>
            gap.choices === undefined ? [[`${question.id}/${gap.id}`, index + 1] as const] : [],
          )
        : [],
    ),
  );
  for (const result of results) {
    for (const review of result.questions) {
      const questionId = review.question.id;
      if (review.question.type === 'short') {
        const response = review.response;
        if (response === null || !('text' in response) || typeof response.text !== 'string')
          continue;
        if (review.status === 'incorrect' || review.acceptedByTeacher === true)
          add(questionId, null, null, response.text, review.acceptedByTeacher === true);
      }
      for (const gap of review.gaps ?? []) {
        const gapNumber = typedGaps.get(`${questionId}/${gap.gapId}`);
        if (gapNumber === undefined || gap.given === null) continue;
        if (!gap.correct || gap.acceptedByTeacher === true)
          add(questionId, gap.gapId, gapNumber, gap.given, gap.acceptedByTeacher === true);
      }
    }
  }

  const order = new Map(questions.map((question, index) => [question.id, index]));
  return [...groups.values()]
    .map(({ tally, spellings }) => {
      // The spelling most students used, the first of them alphabetically on a tie.
      const [answer] = [...spellings].sort(
        ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
      )[0] ?? [tally.answer];
      return { ...tally, answer };
    })
    .sort(
      (a, b) =>
        (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0) ||
        (a.gapNumber ?? 0) - (b.gapNumber ?? 0) ||
        b.count - a.count ||
        a.answer.localeCompare(b.answer),
    );
}
