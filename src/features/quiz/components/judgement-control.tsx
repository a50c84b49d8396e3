import { useId } from 'react';
import { JUDGEMENT_LABELS } from '../../../domain/question-kinds';
import type { PublicJudgement } from '../../../domain/public-question';
import type { JudgementResponse } from '../../../domain/responses';
import { ChoiceGroup } from './choice-group';

interface JudgementControlProps {
  question: PublicJudgement;
  label: string;
  response: JudgementResponse | undefined;
  onChange: (response: JudgementResponse) => void;
}

/** True, false or not given: whether the article says the statement, says its opposite, or neither. */
export function JudgementControl({ question, label, response, onChange }: JudgementControlProps) {
  const statementId = useId();
  const choices = question.choices.map((judgement) => ({
    id: judgement,
    text: JUDGEMENT_LABELS[judgement],
  }));
  return (
    <ChoiceGroup
      kind="radio"
      legend={label}
      hint="True: the article says so. False: the article says otherwise. Not given: the article does not say."
      choices={choices}
      describedBy={statementId}
      selected={response?.choice ? [response.choice] : []}
      onChange={([choice]) => {
        const judgement = question.choices.find((candidate) => candidate === choice);
        if (judgement) onChange({ choice: judgement });
      }}
    >
      <blockquote className="statement">
        <p className="statement-label">Statement</p>
        <p id={statementId}>{question.statement}</p>
      </blockquote>
    </ChoiceGroup>
  );
}
