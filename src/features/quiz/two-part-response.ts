import type { TwoPartResponse } from '../../domain/responses';

/**
 * A two-part answer with one part replaced, or taken back when `answer` is undefined. With
 * neither part left there is no answer at all: undefined.
 */
export function withPart<Part extends keyof TwoPartResponse>(
  response: TwoPartResponse,
  part: Part,
  answer: TwoPartResponse[Part] | undefined,
): TwoPartResponse | undefined {
  const parts = Object.entries({ ...response, [part]: answer }).filter(
    ([, value]) => value !== undefined,
  );
  return parts.length > 0 ? (Object.fromEntries(parts) as TwoPartResponse) : undefined;
}
