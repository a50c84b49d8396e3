/** Points as a student reads them: whole numbers plain, partial credit to two decimals at most. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** "point" or "points", as many as `maxPoints` says. */
export function pointsUnit(maxPoints: number): string {
  return maxPoints === 1 ? 'point' : 'points';
}
