import { correctResponseOf, optionFeedbackOf } from './answer-key';
import { findSentence, type Article } from './article';
import { toPublicQuestion, type AttemptPlan } from './attempt-plan';
import type { ScoreContext } from './question-types/question-type-module';
import { answerTypeModule, isAnswered, questionTypeModule } from './question-types/registry';
import { listEvidenceSentenceIds, type ResolvedQuestion } from './resolved-bank';
import type { AttemptResult, QuestionReview, QuestionScore, ScoreBreakdown } from './results';
import { isAcceptedByTeacher, type TeacherAcceptance } from './regrade';
import type { QuestionResponse, ResponseMap } from './responses';
import { roundPoints, type AnswerItem, type ScoredQuestion } from './scorers';

/**
 * The text of the sentences a question's evidence quotes, which a typed answer may borrow words
 * from. Without the article, only the quoted words themselves: fewer words, so never more lenient.
 */
export function readEvidenceText(question: ResolvedQuestion, article?: Article): string {
  if (article === undefined) return question.evidence.map((evidence) => evidence.quote).join(' ');
  return listEvidenceSentenceIds(question)
    .map((sentenceId) => findSentence(article, sentenceId)?.text ?? '')
    .join(' ');
}

/**
 * Each question's evidence text, kept per question (and per article, when scored with one): it
 * was rebuilt for every typed answer scored, and handing the matcher the same string each time
 * also lets it find that text's allowed words by a cheap lookup. Both are plain bank data that
 * scoring treats as unchanging, as `questionKeys` below does.
 */
const evidenceTextsWithoutArticle = new WeakMap<ResolvedQuestion, string>();
const evidenceTextsByArticle = new WeakMap<Article, WeakMap<ResolvedQuestion, string>>();

function readCachedEvidenceText(question: ResolvedQuestion, article: Article | undefined): string {
  let texts = evidenceTextsWithoutArticle;
  if (article !== undefined) {
    let forArticle = evidenceTextsByArticle.get(article);
    if (forArticle === undefined) {
      forArticle = new WeakMap();
      evidenceTextsByArticle.set(article, forArticle);
    }
    texts = forArticle;
  }
  let text = texts.get(question);
  if (text === undefined) {
    text = readEvidenceText(question, article);
    texts.set(question, text);
  }
  return text;
}

/**
 * What a scorer gets besides the item, one per question scored: a class, so scoring a question
 * allocates one object rather than an object and three closures (run through tsx, as the server
 * is, each named closure also cost a `__name` call: 10% of scoring). Scorers call its methods on
 * it (`context.readEvidenceText()`); only `isAcceptedByTeacher`, which cloze hands on, is a
 * closure, and only when there are acceptances (absent otherwise, as `ScoreContext` allows).
 */
class QuestionScoreContext implements ScoreContext {
  readonly isAnswered = isAnswered;
  isAcceptedByTeacher?: (given: string, gapId: string | null) => boolean;
  #evidenceText: string | undefined;

  constructor(
    readonly question: ResolvedQuestion,
    private readonly article: Article | undefined,
    acceptances: readonly TeacherAcceptance[],
  ) {
    if (acceptances.length > 0) {
      this.isAcceptedByTeacher = (given, gapId) =>
        isAcceptedByTeacher(acceptances, question.id, gapId, given);
    }
  }

  readEvidenceText(): string {
    this.#evidenceText ??= readCachedEvidenceText(this.question, this.article);
    return this.#evidenceText;
  }

  scoreAnswer(item: AnswerItem, answer: QuestionResponse | null | undefined): QuestionScore {
    return answerTypeModule(item.type).score(item, answer, this);
  }
}

/**
 * Scores one answer. The response should have passed `validateResponse`; one that is missing,
 * empty or blank is unanswered, and one shaped for another question type earns nothing. A two-part
 * question also reports each part's score. `article` gives typed answers the words of the whole
 * evidence sentences (see `readEvidenceText`); `acceptances` are the typed answers the teacher
 * accepted by a regrade (src/domain/regrade.ts), which count as right too.
 */
export function scoreQuestion(
  question: ResolvedQuestion,
  response: QuestionResponse | null | undefined,
  article?: Article,
  acceptances: readonly TeacherAcceptance[] = [],
): ScoredQuestion {
  const context = new QuestionScoreContext(question, article, acceptances);
  return questionTypeModule(question.type).score(question, response, context);
}

/** What every review of a question shows, whatever the answer: the key, explanation and evidence. */
type QuestionKey = Pick<
  QuestionReview,
  'correctResponse' | 'explanation' | 'optionFeedback' | 'evidence'
>;

/**
 * Each question's key, built once and shared by every review of it (frozen, so no review can
 * change another's): rebuilding it for every attempt was a fifth of the time scoring took.
 */
const questionKeys = new WeakMap<ResolvedQuestion, Readonly<QuestionKey>>();

function keyOf(question: ResolvedQuestion): Readonly<QuestionKey> {
  let key = questionKeys.get(question);
  if (key === undefined) {
    // A copy, so freezing it leaves the bank's own objects alone.
    key = deepFreeze(
      cloneJson({
        correctResponse: correctResponseOf(question),
        explanation: question.explanation,
        optionFeedback: optionFeedbackOf(question),
        evidence: question.evidence.map((evidence) => ({
          quote: evidence.quote,
          paragraphId: evidence.paragraphId,
          start: evidence.start,
          end: evidence.end,
          sentenceIds: [...evidence.sentenceIds],
        })),
      }),
    );
    questionKeys.set(question, key);
  }
  return key;
}

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Breakdowns are gathered in a Map and turned into a record at the end: looking up keys that are
 * not compile-time constants in a plain object cost a few per cent of scoring's time, and a record
 * built from the Map's insertion order lists its keys exactly as one built by insertion would.
 */
function addTo(breakdowns: Map<string, ScoreBreakdown>, key: string, score: QuestionScore): void {
  // Each attempt's breakdowns are its own, so they are added to in place.
  const breakdown = breakdowns.get(key);
  if (breakdown === undefined) {
    breakdowns.set(key, {
      points: roundPoints(score.points),
      maxPoints: score.maxPoints,
      count: 1,
    });
    return;
  }
  breakdown.points = roundPoints(breakdown.points + score.points);
  breakdown.maxPoints += score.maxPoints;
  breakdown.count += 1;
}

/**
 * Scores a submitted attempt: every planned question, in the plan's order, with what the review
 * shows (the public question, the answer given, the right answer, the explanation, the feedback
 * for each choice and the evidence to highlight), plus the total and the breakdowns by skill and
 * difficulty. `questions` may be in any order and hold more than the plan; responses to questions
 * outside the plan are ignored. Pass the bank's `article` so typed answers are matched against
 * whole evidence sentences, and the teacher's `acceptances` so a regraded answer counts as right.
 */
export function scoreAttempt(
  questions: readonly ResolvedQuestion[],
  plan: AttemptPlan,
  responses: ResponseMap,
  article?: Article,
  acceptances: readonly TeacherAcceptance[] = [],
): AttemptResult {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const bySkill = new Map<string, ScoreBreakdown>();
  const byDifficulty = new Map<string, ScoreBreakdown>();
  let total = 0;
  let maxPoints = 0;

  const reviews = plan.questionIds.map((id, index): QuestionReview => {
    const question = byId.get(id);
    if (question === undefined)
      throw new Error(`The attempt plan names a question "${id}" that is not given.`);
    const response = Object.hasOwn(responses, id) ? responses[id] : undefined;
    const score = scoreQuestion(question, response, article, acceptances);
    total += score.points;
    maxPoints += score.maxPoints;
    addTo(bySkill, question.skill, score);
    addTo(byDifficulty, String(question.difficulty), score);
    // The key's fields named one by one, in its order, not spread in: a literal of known shape
    // is built faster than a spread of a frozen object (which showed in the engine's profile),
    // and every field of the key is always there (`explanation` is required).
    const key = keyOf(question);
    const review: QuestionReview = {
      points: score.points,
      maxPoints: score.maxPoints,
      status: score.status,
      feedback: score.feedback,
      question: toPublicQuestion(question, plan, index + 1),
      response: response ?? null,
      correctResponse: key.correctResponse,
      explanation: key.explanation,
      optionFeedback: key.optionFeedback,
      evidence: key.evidence,
    };
    if (score.matchedAnswer !== undefined) review.matchedAnswer = score.matchedAnswer;
    if (score.acceptedByTeacher === true) review.acceptedByTeacher = true;
    if (score.parts) review.parts = score.parts;
    if (score.gaps) review.gaps = score.gaps;
    return review;
  });

  total = roundPoints(total);
  return {
    total,
    maxPoints,
    percent: maxPoints === 0 ? 0 : Math.round((total / maxPoints) * 1000) / 10,
    bySkill: Object.fromEntries(bySkill),
    byDifficulty: Object.fromEntries(byDifficulty),
    questions: reviews,
  };
}

/**
 * The fewest questions a skill or difficulty must hold to be shown in a score-only review: with
 * fewer, its points tell how single questions went, which is what score-only keeps back.
 */
export const MIN_SCORE_ONLY_GROUP_QUESTIONS = 3;

/**
 * The breakdown if every group in it is big enough; else none: hiding only the small groups would
 * not do, since the total less the shown groups gives them away.
 */
function keepIfCoarse<Breakdown extends Partial<Record<string, ScoreBreakdown>>>(
  breakdown: Breakdown,
): Breakdown | Record<string, never> {
  const groups: (ScoreBreakdown | undefined)[] = Object.values(breakdown);
  return groups.every((group) => (group?.count ?? 0) >= MIN_SCORE_ONLY_GROUP_QUESTIONS)
    ? breakdown
    : {};
}

/**
 * A result as a score-only review shows it: the total and percent, no question, answer,
 * explanation or evidence, and the breakdowns by skill and by difficulty only where each of their
 * groups holds at least {@link MIN_SCORE_ONLY_GROUP_QUESTIONS} questions.
 */
export function toScoreOnlyResult(result: AttemptResult): AttemptResult {
  return {
    ...result,
    bySkill: keepIfCoarse(result.bySkill),
    byDifficulty: keepIfCoarse(result.byDifficulty),
    questions: [],
  };
}
