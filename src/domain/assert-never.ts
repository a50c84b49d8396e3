/**
 * Marks the end of a `switch` over a union as unreachable, so adding a member to the union (a new
 * question type) makes the compiler list every `switch` that has to learn it.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
