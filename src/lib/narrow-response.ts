import { JUDGEMENTS } from '../domain/question-kinds';
import type {
  ClozeResponse,
  EvidenceResponse,
  JudgementResponse,
  MatchResponse,
  MultipleResponse,
  NumericResponse,
  OrderResponse,
  QuestionResponse,
  ShortResponse,
  SingleResponse,
  TwoPartResponse,
} from '../domain/responses';

/**
 * A saved answer read as the shape its control expects. Drafts come from localStorage and answers
 * from the server, so a shape that does not fit is treated as no answer rather than trusted.
 */
type Maybe = QuestionResponse | undefined;

export function asSingle(response: Maybe): SingleResponse | undefined {
  return response && 'choice' in response && typeof response.choice === 'string'
    ? response
    : undefined;
}

export function asJudgement(response: Maybe): JudgementResponse | undefined {
  if (!response || !('choice' in response)) return undefined;
  const choice = JUDGEMENTS.find((judgement) => judgement === response.choice);
  return choice ? { choice } : undefined;
}

export function asMultiple(response: Maybe): MultipleResponse | undefined {
  return response && 'choices' in response && Array.isArray(response.choices)
    ? response
    : undefined;
}

export function asNumeric(response: Maybe): NumericResponse | undefined {
  return response && 'value' in response && typeof response.value === 'number'
    ? response
    : undefined;
}

export function asShort(response: Maybe): ShortResponse | undefined {
  return response && 'text' in response && typeof response.text === 'string' ? response : undefined;
}

export function asMatch(response: Maybe): MatchResponse | undefined {
  return response && 'pairs' in response && typeof response.pairs === 'object'
    ? response
    : undefined;
}

export function asOrder(response: Maybe): OrderResponse | undefined {
  return response && 'order' in response && Array.isArray(response.order) ? response : undefined;
}

export function asEvidence(response: Maybe): EvidenceResponse | undefined {
  return response && 'sentences' in response && Array.isArray(response.sentences)
    ? response
    : undefined;
}

export function asCloze(response: Maybe): ClozeResponse | undefined {
  if (!response || !('gaps' in response)) return undefined;
  const gaps: unknown = response.gaps;
  return typeof gaps === 'object' &&
    gaps !== null &&
    Object.values(gaps as Record<string, unknown>).every((given) => typeof given === 'string')
    ? response
    : undefined;
}

/**
 * A two-part answer holds Part A, Part B or neither, and nothing else; every other type's answer
 * has a key of its own, so no list of those keys needs to grow with each new type.
 */
export function asTwoPart(response: Maybe): TwoPartResponse | undefined {
  if (!response) return undefined;
  return Object.keys(response).every((key) => key === 'partA' || key === 'partB')
    ? (response as TwoPartResponse)
    : undefined;
}
