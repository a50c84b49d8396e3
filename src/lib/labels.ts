import type { Skill } from '../domain/question-kinds';

/** How each reading skill is named to students and teachers. */
export const SKILL_LABELS: Record<Skill, string> = {
  literal: 'Finding facts',
  attribution: 'Who said it',
  numeracy: 'Numbers',
  sequence: 'Order of events',
  vocabulary: 'Vocabulary',
  inference: 'Inference',
  'main-idea': 'Main idea',
};

/** "1 minute", "4 minutes". */
export function formatMinutes(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
