import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../src/domain/article';
import {
  isAcceptedByTeacher,
  normaliseAcceptedAnswer,
  type TeacherAcceptance,
} from '../../src/domain/regrade';
import { scoreQuestion } from '../../src/domain/score-attempt';
import { article, fixtureBank } from './fixtures/engine-questions';
import { responseArbitrary } from './fixtures/response-arbitraries';

const questionOf = (id: string) => {
  const question = fixtureBank.questions.find((candidate) => candidate.id === id);
  if (question === undefined) throw new Error(`No fixture question ${id}`);
  return question;
};
const short = questionOf('fx-short');
const cloze = questionOf('fx-cloze');
const sentenceIds = listSentences(article).map((sentence) => sentence.id);

const accept = (questionId: string, gapId: string | null, text: string): TeacherAcceptance => ({
  questionId,
  gapId,
  normalisedAnswer: normaliseAcceptedAnswer(text),
});

describe('isAcceptedByTeacher', () => {
  const acceptances = [accept('fx-short', null, 'ghost tankers')];
  it.each([
    ['ghost tankers', 'fx-short', null, true],
    ['  GHOST-tankers!', 'fx-short', null, true],
    ['“Ghost tankers.”', 'fx-short', null, true],
    ['ghost tanker', 'fx-short', null, false],
    ['ghost tankers', 'fx-cloze', null, false],
    ['ghost tankers', 'fx-short', 'plant', false],
    ['   ', 'fx-short', null, false],
  ] as const)('%j for %s gap %s: %s', (given, questionId, gapId, expected) => {
    expect(isAcceptedByTeacher(acceptances, questionId, gapId, given)).toBe(expected);
  });

  it('keys "RIA  novosti!" and "ria novosti" alike', () => {
    expect(normaliseAcceptedAnswer('RIA  novosti!')).toBe(normaliseAcceptedAnswer('ria novosti'));
  });
});

describe('scoring with teacher acceptances', () => {
  it('scores an accepted short answer as right and says the teacher accepted it', () => {
    const before = scoreQuestion(short, { text: 'ghost tankers' }, article);
    const after = scoreQuestion(short, { text: 'Ghost  tankers' }, article, [
      accept('fx-short', null, 'ghost tankers'),
    ]);
    expect(before.points).toBe(0);
    expect(after).toMatchObject({ points: after.maxPoints, status: 'correct' });
    expect(after.acceptedByTeacher).toBe(true);
    expect(after.matchedAnswer).toBeUndefined();
  });

  it('marks only the accepted typed gap of a cloze right', () => {
    const response = { gaps: { city: 'Kurchatov', plant: 'atom' } };
    const before = scoreQuestion(cloze, response, article);
    const after = scoreQuestion(cloze, response, article, [accept('fx-cloze', 'plant', 'atom')]);
    expect(before.points).toBe(1);
    expect(after.points).toBe(2);
    expect(after.gaps?.find((gap) => gap.gapId === 'plant')).toMatchObject({
      correct: true,
      acceptedByTeacher: true,
    });
  });

  it('never accepts a drop-down gap by a teacher acceptance', () => {
    const response = { gaps: { city: 'Kyiv', plant: 'nuclear' } };
    const after = scoreQuestion(cloze, response, article, [accept('fx-cloze', 'city', 'Kyiv')]);
    expect(after.points).toBe(1);
  });

  it('keeps a bank match as the matched answer, not a teacher acceptance', () => {
    const after = scoreQuestion(short, { text: 'shadow fleet' }, article, [
      accept('fx-short', null, 'shadow fleet'),
    ]);
    expect(after.matchedAnswer).toBe('shadow fleet');
    expect(after.acceptedByTeacher).toBeUndefined();
  });

  const typedQuestions = fixtureBank.questions.filter(
    (question) => question.type === 'short' || question.type === 'cloze',
  );
  const acceptancesArbitrary = fc.array(
    fc.record({
      questionId: fc.constantFrom(...typedQuestions.map((question) => question.id)),
      gapId: fc.constantFrom(null, 'plant', 'city', 'shot'),
      normalisedAnswer: fc.oneof(
        fc.string().map(normaliseAcceptedAnswer),
        fc.constantFrom('ghost tankers', 'atom', 'sixty four'),
      ),
    }),
    { maxLength: 4 },
  );

  it('keeps the score within [0, max], never lowers it, and revoking restores it', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...typedQuestions)
          .chain((question) =>
            fc.tuple(
              fc.constant(question),
              fc.oneof(
                responseArbitrary(question, sentenceIds),
                fc.constantFrom({ text: 'ghost tankers' }, { gaps: { plant: 'atom', shot: '64' } }),
              ),
            ),
          ),
        acceptancesArbitrary,
        ([question, response], acceptances) => {
          const original = scoreQuestion(question, response, article);
          const regraded = scoreQuestion(question, response, article, acceptances);
          const revoked = scoreQuestion(question, response, article, []);
          expect(regraded.points).toBeGreaterThanOrEqual(0);
          expect(regraded.points).toBeLessThanOrEqual(regraded.maxPoints);
          expect(regraded.points).toBeGreaterThanOrEqual(original.points);
          expect(revoked).toEqual(original);
        },
      ),
    );
  });
});
