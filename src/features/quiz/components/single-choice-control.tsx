import type { PublicSingle } from '../../../domain/public-question';
import type { SingleResponse } from '../../../domain/responses';
import { ChoiceGroup } from './choice-group';

interface SingleChoiceControlProps {
  question: PublicSingle;
  label: string;
  response: SingleResponse | undefined;
  onChange: (response: SingleResponse) => void;
}

export function SingleChoiceControl({
  question,
  label,
  response,
  onChange,
}: SingleChoiceControlProps) {
  return (
    <ChoiceGroup
      kind="radio"
      legend={label}
      choices={question.options}
      selected={response?.choice ? [response.choice] : []}
      onChange={([choice]) => {
        if (choice) onChange({ choice });
      }}
    />
  );
}
