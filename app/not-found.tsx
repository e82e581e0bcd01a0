import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-700">There is no page at this address. It may have moved.</p>
      <Link href="/login" className="mt-6 inline-block text-brand-700 underline underline-offset-2">
        Go to the login page
      </Link>
    </div>
  );
}
