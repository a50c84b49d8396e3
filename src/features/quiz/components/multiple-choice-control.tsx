import type { PublicMultiple } from '../../../domain/public-question';
import type { MultipleResponse } from '../../../domain/responses';
import { ChoiceGroup } from './choice-group';

interface MultipleChoiceControlProps {
  question: PublicMultiple;
  label: string;
  response: MultipleResponse | undefined;
  /** Undefined when the student unticks every box. */
  onChange: (response: MultipleResponse | undefined) => void;
}

export function MultipleChoiceControl({
  question,
  label,
  response,
  onChange,
}: MultipleChoiceControlProps) {
  return (
    <ChoiceGroup
      kind="checkbox"
      legend={label}
      hint="Choose all that apply."
      choices={question.options}
      selected={response?.choices ?? []}
      onChange={(choices) => onChange(choices.length > 0 ? { choices } : undefined)}
    />
  );
}
