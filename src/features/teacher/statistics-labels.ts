import { formatCount } from '../../domain/plural';
import { MIN_ATTEMPTS_FOR_RELIABILITY } from '../../domain/statistics';
import type { AssignmentStatistics } from '../../lib/assignment-api-client';

export type ItemStatistics = AssignmentStatistics['items'][number];
export type HistogramBin = AssignmentStatistics['histogram'][number];
export type OptionCount = ItemStatistics['options'][number];

/** How hard a question was, from its facility (the share of the marks the class earned). */
export function describeFacility(facility: number | null): string {
  if (facility === null) return 'no answers yet';
  if (facility >= 0.9) return 'very easy';
  if (facility >= 0.7) return 'easy';
  if (facility >= 0.3) return 'moderate';
  return 'hard';
}

/** Whether a question told stronger readers from weaker ones, from its discrimination index. */
export function describeDiscrimination(discrimination: number | null): string {
  if (discrimination === null) return 'not enough answers to tell';
  if (discrimination < 0) return 'negative: weaker readers did better; check the question';
  if (discrimination < 0.2) return 'weak';
  if (discrimination < 0.4) return 'fair';
  return 'good';
}

/**
 * Cronbach's alpha as the statistics page shows it: the figure, or why there is none, and what it
 * means. Below the minimum number of attempts the server sends none, and the page says so rather
 * than a dash; a negative alpha gets an explanation instead of the 0-to-1 scale it falls off.
 */
export function describeReliability(
  alpha: number | null,
  attemptCount: number,
): { value: string; note: string } {
  if (alpha === null && attemptCount < MIN_ATTEMPTS_FOR_RELIABILITY) {
    return {
      value: 'Not enough attempts yet',
      note: `reliability is worked out from ${formatCount(MIN_ATTEMPTS_FOR_RELIABILITY, 'submitted attempt')} that answered every question; there ${attemptCount === 1 ? 'is' : 'are'} ${attemptCount} so far`,
    };
  }
  if (alpha === null) {
    return {
      value: '–',
      note: 'cannot be worked out: every attempt has the same score, or the test has one question',
    };
  }
  if (alpha < 0) {
    return {
      value: formatRatio(alpha),
      note: 'below 0: the questions disagree about who read well, so the total score is not a reliable measure; look at the questions with negative discrimination below',
    };
  }
  return { value: formatRatio(alpha), note: 'reliability, 0 to 1: 0.7 or more is good' };
}

/** A bin of the score histogram in words: "40% to under 50%", the last "90% to 100%". */
export function describeBin(bin: HistogramBin, isLast: boolean): string {
  return isLast ? `${bin.from}% to ${bin.to}%` : `${bin.from}% to under ${bin.to}%`;
}

/** The wrong option chosen most often (the distractor that caught the class), if anyone chose one. */
export function findTopDistractor(item: ItemStatistics): OptionCount | undefined {
  return item.options
    .filter((option) => !option.correct && option.count > 0)
    .reduce<OptionCount | undefined>(
      (top, option) => (top === undefined || option.count > top.count ? option : top),
      undefined,
    );
}

/** A statistic to two decimals, or a dash when there is none. */
export function formatRatio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

export type ClassHighlightMap = AssignmentStatistics['highlightMap'];
export type SentenceHeat =
  ClassHighlightMap['sections'][number]['paragraphs'][number]['sentences'][number];

/** The sentences of the map in reading order. */
export function listMapSentences(map: ClassHighlightMap): SentenceHeat[] {
  return map.sections.flatMap((section) =>
    section.paragraphs.flatMap((paragraph) => paragraph.sentences),
  );
}

/** Questions by number in words: "question 3", "questions 1, 4 and 5". */
export function describeQuestionNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return `question ${numbers.join('')}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/**
 * A sentence's counts in words, for screen readers and anyone who cannot tell the shading apart:
 * "2 of 5 students highlighted it · evidence for question 3".
 */
export function describeSentenceHeat(sentence: SentenceHeat, studentCount: number): string {
  const highlighted =
    sentence.studentCount === 0
      ? 'nobody highlighted it'
      : `${sentence.studentCount} of ${formatCount(studentCount, 'student')} highlighted it`;
  return sentence.questionNumbers.length === 0
    ? highlighted
    : `${highlighted} · evidence for ${describeQuestionNumbers(sentence.questionNumbers)}`;
}

/**
 * How dark a sentence's shading is, from 0 (nobody highlighted it) to 4 (more than three quarters
 * of the students did): quarters of the class, so one keen student in thirty stays pale.
 */
export function heatLevelOf(count: number, studentCount: number): 0 | 1 | 2 | 3 | 4 {
  if (count === 0 || studentCount === 0) return 0;
  const share = count / studentCount;
  if (share > 0.75) return 4;
  if (share > 0.5) return 3;
  if (share > 0.25) return 2;
  return 1;
}

/** What the teacher can act on: evidence nobody found, and what the class marked most. */
export function summariseHighlightMap(map: ClassHighlightMap, mostCount = 3) {
  const sentences = listMapSentences(map);
  return {
    missedEvidence: sentences.filter(
      (sentence) => sentence.questionNumbers.length > 0 && sentence.studentCount === 0,
    ),
    // Stable sort: ties stay in reading order.
    mostHighlighted: sentences
      .filter((sentence) => sentence.studentCount > 0)
      .sort((a, b) => b.studentCount - a.studentCount)
      .slice(0, mostCount),
  };
}
