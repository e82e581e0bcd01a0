/** The small turning ring of a button at work; decorative, it stands still with reduced motion. */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      data-testid="button-pending"
      className="mr-2 inline-block size-3.5 rounded-full border-2 border-current border-r-transparent align-[-2px] motion-safe:animate-spin"
    />
  );
}
