/** The reference id of a refused login, as a page that says so in place shows it: quotable, findable in the log. */
export function ErrorReference({ id }: { id?: string }) {
  if (!id) return null;
  return (
    <p className="mt-2 text-sm text-slate-500">
      Reference:{" "}
      <span className="font-mono" data-testid="error-ref">
        {id}
      </span>
    </p>
  );
}
