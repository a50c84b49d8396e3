/**
 * A GIFT question as both directions see it: what the exporter writes and what the parser reads,
 * with every text plain (escapes and formats are `gift-text.ts`'s business).
 */

/** One answer of a choice or short-answer block: `=text` or `~text`, with `%weight%` and `#feedback`. */
export interface GiftChoice {
  /** `=` (a right answer) rather than `~`. */
  correct: boolean;
  /** The `%weight%` in per cent, when written. */
  weight?: number;
  text: string;
  feedback?: string;
}

/** One numerical answer: a value with a tolerance (a `low..high` range is read as its middle). */
export interface GiftNumber {
  value: number;
  tolerance: number;
  /** The `%weight%` in per cent, when written. */
  weight?: number;
  feedback?: string;
}

/** The part between the braces, by kind (Moodle tells them apart the same way). */
export type GiftAnswer =
  /** At least one `~`: multiple choice (one `=`), or multiple answers (only weighted `~`). */
  | { kind: 'choice'; choices: GiftChoice[] }
  /** Only `=` answers (or one bare answer): short answer. */
  | { kind: 'short'; answers: GiftChoice[] }
  | { kind: 'numeric'; answers: GiftNumber[] }
  /** `=left -> right`; a pair with no left side is an extra right-hand choice. */
  | { kind: 'match'; pairs: { left: string; right: string }[] }
  /** `{T}` or `{F}`: the first feedback is shown for a wrong answer, the second for a right one. */
  | { kind: 'true-false'; value: boolean; wrongFeedback?: string; rightFeedback?: string }
  /** `{}`: an essay, which Readproof does not score. */
  | { kind: 'essay' };

export interface GiftQuestion {
  /** The `::title::`, which Readproof writes as the question's id. */
  title?: string;
  /** The text before the answer block (a description's whole text). */
  stem: string;
  /** The text after the answer block: present when the answers fill a blank (missing word). */
  tail?: string;
  /** Absent for a description (text with no answer block). */
  answer?: GiftAnswer;
  /** `####`: shown after any answer; Readproof's explanation. */
  generalFeedback?: string;
  /** The question's own comment lines, without `//`. */
  comments: string[];
}

/** A question as read, with where it starts. */
export interface ParsedGiftQuestion extends GiftQuestion {
  /** 1-based line of the question's first line (its title, or its text). */
  line: number;
}

/** What a GIFT file holds, in order. */
export type GiftEntry =
  | { kind: 'category'; path: string; line: number }
  | { kind: 'question'; question: ParsedGiftQuestion }
  | { kind: 'error'; line: number; name?: string; message: string };
