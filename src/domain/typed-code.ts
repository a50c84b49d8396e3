/**
 * Codes a student copies from a projector or a class list (join codes, personal codes): so many
 * characters from an alphabet without look-alikes.
 */
export interface CodeFormat {
  alphabet: string;
  length: number;
}

/**
 * Builds a code from random integers. `randomIndex(n)` must return a uniform integer in [0, n):
 * the server passes `crypto.randomInt`, tests pass a seeded source.
 */
export function createCode(
  { alphabet, length }: CodeFormat,
  randomIndex: (exclusiveMax: number) => number,
): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += alphabet[randomIndex(alphabet.length)] ?? '';
  return code;
}

/**
 * Reads a code as a student types it: any case, with spaces or dashes. Returns null when it cannot
 * be a code: the wrong length, or a character that codes never use.
 */
export function parseCode(input: string, { alphabet, length }: CodeFormat): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== length) return null;
  return [...code].every((letter) => alphabet.includes(letter)) ? code : null;
}
