import { findSentence } from '../article';
import { listEvidenceSentenceIds, type ResolvedQuestion } from '../resolved-bank';
import type { EvidenceResponse } from '../responses';
import { applyScoring, scoreWhenAnswered, selectionShare, shareScore } from '../scorers';
import type { QuestionTypeModule } from './question-type-module';
import { MAX_RESPONSE_IDS, type SchemaKit } from './schema-kit';
import { readIdList, readObject, report } from './shared';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function evidenceBankFields({ z, text, scoring }: SchemaKit) {
  return {
    type: z.literal('evidence'),
    claim: text.meta({
      description:
        'The statement the student backs up by choosing sentences of the article, such as "Putin wore military uniform on the visit"; the sentences named by `evidence` are the key',
    }),
    scoring,
  };
}

/**
 * The key (the sentences a question's evidence touches) per question: listing it again for every
 * response scored cost a few per cent of scoring's time, and the bank's evidence does not change.
 * Only read, by `selectionShare`; `correctResponse` still hands out a list of its own.
 */
const keys = new WeakMap<ResolvedQuestion, readonly string[]>();

function readKey(question: ResolvedQuestion): readonly string[] {
  let key = keys.get(question);
  if (key === undefined) {
    key = listEvidenceSentenceIds(question);
    keys.set(question, key);
  }
  return key;
}

/**
 * Choose the sentences of the article that back a claim (or, as Part B, a Part A answer). The key
 * is the sentences the question's evidence quotes touch.
 */
export const evidenceType: QuestionTypeModule<'evidence'> = {
  type: 'evidence',
  bankFields: evidenceBankFields,
  checkRules() {},
  checkResolved(_item, context) {
    if (listEvidenceSentenceIds(context.question).length > 0) return;
    report(
      context,
      [...context.questionPath, 'evidence'],
      'The answer key of this question is the sentences its evidence names, and it names none. Fix the evidence quotes so that at least one is found in the article.',
    );
  },

  responseShape: '{ "sentences": ["<sentence id>", ...] }',
  responseKeys: RESPONSE_KINDS.evidence.responseKeys,
  responseSchema: ({ z, responseId }) =>
    z.strictObject({ sentences: z.array(responseId).max(MAX_RESPONSE_IDS) }),
  validateResponse(_item, value, { article, path }): EvidenceResponse {
    const response = readObject(value, evidenceType, { required: ['sentences'] }, path);
    return {
      sentences: readIdList(
        response.sentences,
        [...path, 'sentences'],
        (id) => findSentence(article, id) !== undefined,
        (id) => `"${id}" is not a sentence of the article; sentence ids look like "p7.s2".`,
      ),
    };
  },
  isAnswered: RESPONSE_KINDS.evidence.isAnswered,

  score(item, response, context) {
    return scoreWhenAnswered(item.points, response, context, (answered) => {
      const key = readKey(context.question);
      const chosen = 'sentences' in answered ? answered.sentences : [];
      return shareScore(applyScoring(selectionShare(key, chosen), item.scoring), item.points);
    });
  },
  correctResponse: (_item, question) => ({ sentences: listEvidenceSentenceIds(question) }),
  acceptedAnswers: () => [],
  optionFeedback: () => ({}),

  arrangeChoices: () => ({}),
  toPublic: (item) =>
    'claim' in item
      ? { type: 'evidence', prompt: item.prompt, points: item.points, claim: item.claim }
      : { type: 'evidence', prompt: item.prompt, points: item.points },
  describeResponse: RESPONSE_DESCRIPTIONS.evidence,

  statisticsChoices: () => [],
  chosenIds: () => [],
};
