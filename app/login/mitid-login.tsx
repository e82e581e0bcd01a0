import { loginWithMitid } from "./actions";

const PROBLEMS: Record<string, string> = {
  cpr: "A CPR number has ten digits, like 280554-2112. Check it and try again, or leave it empty and type it at MitID.",
  cvr: "A CVR number has eight digits. Check it and try again, or leave it empty to choose at MitID.",
  form: "That login choice was not understood. Try again.",
};

const card = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const primary = "mt-4 w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700";
const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono";

/** The four MitID choices Signicat offers this portal. Only known problems are ever shown. */
export function MitidLoginChoices({ problem }: { problem?: string }) {
  const message = problem ? PROBLEMS[problem] : undefined;
  return (
    <section aria-labelledby="mitid" className="space-y-4">
      <div>
        <h2 id="mitid" className="text-2xl font-semibold tracking-tight">
          Log in with MitID (Denmark)
        </h2>
        <p className="mt-1 max-w-2xl text-slate-600">
          Through Signicat. Your CPR number is only ever sent encrypted to MitID, never shown in an address or
          stored by this portal.
        </p>
      </div>
      {message ? (
        <p
          role="alert"
          data-testid="login-problem"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800"
        >
          {message}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-private">
          <input type="hidden" name="flow" value="mitid" />
          <h3 id="mitid-private" className="text-lg font-semibold">
            MitID
          </h3>
          <p className="mt-2 text-sm text-slate-600">Log in as yourself with your private MitID.</p>
          <button type="submit" data-testid="login-mitid" className={primary}>
            Log in with MitID
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-cpr">
          <input type="hidden" name="flow" value="cpr" />
          <h3 id="mitid-cpr" className="text-lg font-semibold">
            MitID with CPR match
          </h3>
          <p className="mt-2 text-sm text-slate-600">
            MitID confirms that you are the person with your CPR number. Type it here to skip that step, or at
            MitID.
          </p>
          <label htmlFor="mitid-cpr-number" className="mt-3 block text-sm font-medium">
            CPR number (optional)
          </label>
          <input
            id="mitid-cpr-number"
            name="cpr"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            placeholder="DDMMYY-XXXX"
            className={input}
          />
          <button type="submit" data-testid="login-mitid-cpr" className={primary}>
            Log in with MitID and match my CPR
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-business">
          <input type="hidden" name="flow" value="business" />
          <h3 id="mitid-business" className="text-lg font-semibold">
            MitID Business
          </h3>
          <p className="mt-2 text-sm text-slate-600">
            Log in with a business identity your employer gave you, and choose which one.
          </p>
          <button type="submit" data-testid="login-mitid-business" className={primary}>
            Log in with MitID Business
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-company">
          <input type="hidden" name="flow" value="company" />
          <h3 id="mitid-company" className="text-lg font-semibold">
            Act for a company (CVR)
          </h3>
          <p className="mt-2 text-sm text-slate-600">
            Log in with your private MitID on behalf of a company you have signatory rights in.
          </p>
          <label htmlFor="mitid-company-cvr" className="mt-3 block text-sm font-medium">
            CVR number (optional)
          </label>
          <input
            id="mitid-company-cvr"
            name="cvr"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            className={input}
          />
          <button type="submit" data-testid="login-mitid-company" className={primary}>
            Act for a company
          </button>
        </form>
      </div>
    </section>
  );
}
