/** The server's rule for teacher passwords, shown next to the field and checked before sending. */
export const MIN_PASSWORD_LENGTH = 10;

/** Whether a typed email is whole enough to send (the server has the last word). */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
}
