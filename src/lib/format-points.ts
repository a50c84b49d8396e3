import { formatCount } from '../domain/plural';

/** Points as people read them: whole numbers plain, partial credit to two decimals at most. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** A score out of its maximum: "1.5 of 4 points", "1 of 1 point". */
export function formatPointsOf(points: number, maxPoints: number): string {
  return `${formatPoints(points)} of ${formatCount(maxPoints, 'point')}`;
}
