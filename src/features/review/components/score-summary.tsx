import { SKILLS } from '../../../domain/question-kinds';
import type { AttemptResult } from '../../../domain/results';
import { formatPoints } from '../../../lib/format-points';
import { SKILL_LABELS } from '../../../lib/labels';
import { TableHead } from '../../../components/table-head';

function percentOf(points: number, maxPoints: number): number {
  return maxPoints === 0 ? 0 : Math.round((points / maxPoints) * 1000) / 10;
}

/** The score, the percent, and how each reading skill went. */
export function ScoreSummary({ result }: { result: AttemptResult }) {
  const skills = SKILLS.flatMap((skill) => {
    const breakdown = result.bySkill[skill];
    return breakdown ? [{ skill, ...breakdown }] : [];
  });
  return (
    <section className="score-summary card" aria-labelledby="score-heading">
      <h2 id="score-heading" className="visually-hidden">
        Your score
      </h2>
      <div className="score-headline">
        <p className="score-percent">{result.percent}%</p>
        <p className="score-points">
          {formatPoints(result.total)} of {formatPoints(result.maxPoints)} points
        </p>
      </div>
      {/* A score-only review leaves out skills with too few questions to stay anonymous. */}
      {skills.length > 0 && (
        <table className="skill-table">
          <caption>By reading skill</caption>
          <TableHead columns={['Skill', 'Questions', 'Points', 'Score']} />
          <tbody>
            {skills.map(({ skill, points, maxPoints, count }) => (
              <tr key={skill}>
                <th scope="row">{SKILL_LABELS[skill]}</th>
                <td>{count}</td>
                <td>
                  {formatPoints(points)} / {formatPoints(maxPoints)}
                </td>
                <td>{percentOf(points, maxPoints)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
