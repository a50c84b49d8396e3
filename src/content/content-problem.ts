/** One thing wrong in `questions/`, placed so an editor can jump to it. Lines and columns count from 1. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  questionId?: string;
  message: string;
}
