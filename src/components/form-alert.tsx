/**
 * A refusal of the whole form (wrong password, too many tries, a quiz that cannot start), said
 * once. The live region is always there, so a message put in it is announced as it appears.
 */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert">
      {message && (
        <div className="notice notice-danger">
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}
