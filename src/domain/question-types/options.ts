import type { Option } from '../question-schema';
import { shuffle, type RandomSource } from '../seeded-random';
import type {
  ArrangeContext,
  Path,
  PresentContext,
  RuleContext,
  StatisticsChoice,
} from './question-type-module';
import { capitalise, checkUniqueItemIds, presentChoices, quoted, report } from './shared';

/** What `single` and `multiple` share: a list of options, some marked correct. */

export function checkOptions(
  context: RuleContext,
  type: 'single' | 'multiple',
  options: readonly Option[],
  path: Path,
): void {
  const optionsPath = [...path, 'options'];
  checkUniqueItemIds(context, options, optionsPath, 'Option');
  const correct = options.filter((option) => option.correct);
  if (correct.length === 0) {
    report(
      context,
      optionsPath,
      `${capitalise(context.where)} has no correct option. Mark the right ${type === 'single' ? 'one' : 'ones'} with "correct: true".`,
    );
  } else if (type === 'single' && correct.length > 1) {
    report(
      context,
      optionsPath,
      `${capitalise(context.where)} is single-choice but ${correct.length} options are marked correct (${correct.map((option) => option.id).join(', ')}). Keep one, or use type "multiple" for choose-all-that-apply.`,
    );
  } else if (type === 'multiple' && correct.length === options.length) {
    report(
      context,
      optionsPath,
      `Every option of ${context.where} is marked correct. Add at least one plausible wrong option, so choosing them all is not a safe guess.`,
    );
  }
  // With no option marked correct every option looks wrong; asking for feedback on all is noise.
  if (correct.length === 0) return;
  options.forEach((option, index) => {
    if (!option.correct && option.feedback === undefined) {
      report(
        context,
        [...optionsPath, index],
        `Option "${option.id}" is wrong but has no feedback. Add "feedback" saying why it is wrong, for the student who chose it.`,
      );
    }
  });
}

/** Options marked `fixed` (such as "None of these") keep their place; the others are shuffled. */
function arrangeOptions(options: readonly Option[], random: RandomSource | undefined): string[] {
  const ids = options.map((option) => option.id);
  if (random === undefined) return ids;
  const movable = shuffle(
    options.filter((option) => !option.fixed).map((option) => option.id),
    random,
  );
  let next = 0;
  return options.map((option) => (option.fixed ? option.id : (movable[next++] ?? option.id)));
}

export function arrangeOptionList(
  options: readonly Option[],
  context: ArrangeContext,
): Record<string, string[]> {
  return {
    options: arrangeOptions(
      options,
      context.shuffleOptions ? context.randomFor('options') : undefined,
    ),
  };
}

/** What a student sees of a `single` or `multiple` item besides its type. */
export function presentOptionItem(
  item: { prompt: string; points: number; options: readonly Option[] },
  context: PresentContext,
) {
  return {
    prompt: item.prompt,
    points: item.points,
    options: presentChoices(context, 'options', item.options),
  };
}

/** The feedback written for what was chosen, in the options' order. */
export function feedbackOf(options: readonly Option[]): string[] {
  // A loop, not flatMap: it runs for every choice question scored, and flatMap's array per option
  // made it a few per cent of scoring's time.
  const feedback: string[] = [];
  for (const option of options) if (option.feedback !== undefined) feedback.push(option.feedback);
  return feedback;
}

export function optionFeedbackById(options: readonly Option[]): Record<string, string> {
  const feedback: Record<string, string> = {};
  for (const option of options) {
    if (option.feedback !== undefined) feedback[option.id] = option.feedback;
  }
  return feedback;
}

export function optionStatistics(options: readonly Option[]): StatisticsChoice[] {
  return options.map((option) => ({ id: option.id, text: option.text, correct: option.correct }));
}

export function unknownOption(ids: readonly string[]): (id: string) => string {
  return (id) => `"${id}" is not an option of this question; its options are ${quoted(ids)}.`;
}
