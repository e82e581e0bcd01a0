/**
 * A calm pulse beside a "waiting" text. Decorative (screen readers get the live region's words
 * instead), and still for anyone whose system asks for reduced motion.
 */
export function WaitingIndicator() {
  return (
    <span
      aria-hidden="true"
      data-testid="waiting-indicator"
      className="mr-2 inline-block size-2 rounded-full bg-brand-600 align-middle motion-safe:animate-pulse"
    />
  );
}

/**
 * The remaining time a countdown's live region announces: it moves only every `step` seconds, so
 * a screen reader hears "expires in 1:30" now and then instead of a number every second. A second
 * of slack absorbs the rounding up of the visible countdown (whole seconds, rounded up).
 */
export function announcedSeconds(secondsLeft: number, step: number): number {
  return Math.max(0, Math.ceil((secondsLeft - 1) / step) * step);
}
