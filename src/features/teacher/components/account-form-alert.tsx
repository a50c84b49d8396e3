/** A refusal of the whole form (wrong password, too many tries), and how long to wait after a 429. */
export function AccountFormAlert({
  message,
  secondsLeft,
}: {
  message: string | null;
  secondsLeft: number;
}) {
  return (
    <>
      <div role="alert">
        {message && (
          <div className="notice notice-danger">
            <p>{message}</p>
          </div>
        )}
      </div>
      {/* Not a live region: a count read out every second would drown everything else. */}
      {secondsLeft > 0 && (
        <p className="muted">
          You can try again in {secondsLeft} {secondsLeft === 1 ? 'second' : 'seconds'}.
        </p>
      )}
    </>
  );
}
