import type { Judgement } from './question-kinds';

/**
 * What a student answers, one shape per question type. The HTTP API and the browser send exactly
 * these; `validateResponse` checks one against its question before it is saved or scored.
 */
export interface SingleResponse {
  choice: string;
}
export interface MultipleResponse {
  choices: string[];
}
export interface JudgementResponse {
  choice: Judgement;
}
export interface NumericResponse {
  value: number;
}
export interface ShortResponse {
  text: string;
}
export interface MatchResponse {
  /** Left item id to right item id; a left item left out is unanswered. */
  pairs: Record<string, string>;
}
export interface OrderResponse {
  order: string[];
}
export interface EvidenceResponse {
  sentences: string[];
}

export interface ClozeResponse {
  /**
   * Gap id to what fills it: a drop-down gap's chosen choice text, or what was typed. A gap left
   * out is unanswered.
   */
  gaps: Record<string, string>;
}

export type PartAResponse =
  SingleResponse | MultipleResponse | JudgementResponse | NumericResponse | ShortResponse;
export type PartBResponse = EvidenceResponse | SingleResponse | MultipleResponse;

export interface TwoPartResponse {
  /** Either part may be missing while the student is still answering. */
  partA?: PartAResponse;
  partB?: PartBResponse;
}

export interface ResponseByType {
  single: SingleResponse;
  multiple: MultipleResponse;
  judgement: JudgementResponse;
  numeric: NumericResponse;
  short: ShortResponse;
  match: MatchResponse;
  order: OrderResponse;
  evidence: EvidenceResponse;
  'two-part': TwoPartResponse;
  cloze: ClozeResponse;
}

export type QuestionResponse = ResponseByType[keyof ResponseByType];

/** Saved answers of one attempt, by question id. */
export type ResponseMap = Record<string, QuestionResponse>;
