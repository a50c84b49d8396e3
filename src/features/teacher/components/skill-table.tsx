import type { Skill } from '../../../domain/question-kinds';
import { SKILL_LABELS } from '../../../lib/labels';
import { TableHead } from '../../../components/table-head';

/** One reading skill's line: how many questions test it and the score on them. */
export interface SkillRow {
  skill: Skill;
  questionCount: number;
  score: string;
}

/** The section "By reading skill" of an attempt or of a whole class. */
export function SkillTable({ scoreHeading, rows }: { scoreHeading: string; rows: SkillRow[] }) {
  return (
    <section aria-labelledby="skills-heading">
      <h2 id="skills-heading">By reading skill</h2>
      <table className="data-table">
        <TableHead
          columns={[
            'Skill',
            { label: 'Questions', className: 'numeric' },
            { label: scoreHeading, className: 'numeric' },
          ]}
        />
        <tbody>
          {rows.map(({ skill, questionCount, score }) => (
            <tr key={skill}>
              <th scope="row">{SKILL_LABELS[skill]}</th>
              <td className="numeric">{questionCount}</td>
              <td className="numeric">{score}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
