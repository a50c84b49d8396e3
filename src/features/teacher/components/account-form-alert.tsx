/**
 * A refusal of the whole form (wrong password, too many tries), said once. The live region is
 * always there, so a message put in it is announced as it appears.
 */
export function AccountFormAlert({ message }: { message: string | null }) {
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
