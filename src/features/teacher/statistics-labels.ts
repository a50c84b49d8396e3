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
