/** A labelled value on the account page: what it is, what it means, and the value itself. */
export function Field({
  label,
  help,
  value,
  testId,
  mono = true,
}: {
  label: string;
  help: string;
  value: string;
  testId: string;
  mono?: boolean;
}) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="block text-slate-500">{help}</span>
      </dt>
      <dd className={`break-all text-sm sm:col-span-2 ${mono ? "font-mono" : ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <dl className="mt-2 divide-y divide-slate-100">{children}</dl>
    </section>
  );
}

/** Login times are shown in UTC so a screenshot or a support call means the same everywhere. */
export function formatLoginTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The first two rows of every "This login" section: which service, and when. */
export function LoginFields({ provider, loginAt }: { provider: string; loginAt: string }) {
  return (
    <>
      <Field
        label="Logged in with"
        help="The eID service that vouched for you"
        value={provider}
        testId="login-provider"
        mono={false}
      />
      <Field
        label="Logged in at"
        help="Time of this login (UTC)"
        value={formatLoginTime(loginAt)}
        testId="login-time"
        mono={false}
      />
    </>
  );
}
