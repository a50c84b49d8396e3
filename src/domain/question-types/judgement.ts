import { JUDGEMENT_LABELS, JUDGEMENTS, type Judgement } from '../question-kinds';
import type { JudgementResponse } from '../responses';
import { scoreWhenAnswered, shareScore } from '../scorers';
import type { QuestionTypeModule } from './question-type-module';
import type { SchemaKit } from './schema-kit';
import { InvalidResponse, quoted, readObject, readString, report } from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function judgementBankFields({ z, text }: SchemaKit) {
  return {
    type: z.literal('judgement'),
    statement: text.meta({ description: 'The statement the student judges against the article.' }),
    answer: z.enum(JUDGEMENTS),
    feedback: z
      .strictObject({ true: text.optional(), false: text.optional(), 'not-given': text.optional() })
      .meta({ description: 'Why each wrong judgement is wrong (required for both wrong ones).' }),
  };
}

function isJudgement(value: string): value is Judgement {
  return (JUDGEMENTS as readonly string[]).includes(value);
}

/** True, false or not given, judged against the article. */
export const judgementType: QuestionTypeModule<'judgement'> = {
  type: 'judgement',
  bankFields: judgementBankFields,
  checkRules(item, context, path) {
    for (const judgement of JUDGEMENTS) {
      if (judgement === item.answer || item.feedback[judgement] !== undefined) continue;
      report(
        context,
        [...path, 'feedback'],
        `No feedback for a student who answers "${judgement}". Add "${judgement}" under feedback saying why it is wrong.`,
      );
    }
  },
  checkResolved() {},

  responseShape: '{ "choice": "true" | "false" | "not-given" }',
  responseKeys: RESPONSE_KINDS.judgement.responseKeys,
  responseSchema: ({ z }) => z.strictObject({ choice: z.enum(JUDGEMENTS) }),
  validateResponse(_item, value, { path }): JudgementResponse {
    const response = readObject(value, judgementType, { required: ['choice'] }, path);
    const choice = readString(response.choice, [...path, 'choice']);
    if (!isJudgement(choice)) {
      throw new InvalidResponse(`"${choice}" is not a judgement; answer ${quoted(JUDGEMENTS)}.`, [
        ...path,
        'choice',
      ]);
    }
    return { choice };
  },
  isAnswered: RESPONSE_KINDS.judgement.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const choice =
        'choice' in answered && isJudgement(answered.choice) ? answered.choice : undefined;
      const feedback = choice === undefined ? undefined : item.feedback[choice];
      return shareScore(
        choice === item.answer ? 1 : 0,
        item.points,
        feedback === undefined ? [] : [feedback],
      );
    });
  },
  correctResponse: (item) => ({ choice: item.answer }),
  acceptedAnswers: () => [],
  optionFeedback(item) {
    const feedback: Record<string, string> = {};
    for (const judgement of JUDGEMENTS) {
      const text = item.feedback[judgement];
      if (text !== undefined) feedback[judgement] = text;
    }
    return feedback;
  },

  arrangeChoices: () => ({}),
  toPublic: (item) => ({
    type: 'judgement',
    prompt: item.prompt,
    points: item.points,
    statement: item.statement,
    choices: [...JUDGEMENTS],
  }),
  describeResponse: RESPONSE_DESCRIPTIONS.judgement,

  statisticsChoices: (item) =>
    JUDGEMENTS.map((judgement) => ({
      id: judgement,
      text: JUDGEMENT_LABELS[judgement],
      correct: judgement === item.answer,
    })),
  chosenIds: (_item, response) => ('choice' in response ? [response.choice] : []),
};
