import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LoginCardProps } from "@/lib/providers/types";

import { requireProviderSettings } from "@/lib/providers/settings";

import { loginWithMitid } from "./actions";
import { signicatFeatures } from "./provider";

const PROBLEMS = {
  cpr: "problemCpr",
  cvr: "problemCvr",
  form: "problemForm",
  unavailable: "problemUnavailable",
} as const;

/** MitID's call to action: its blue with white text, lightly rounded (docs/providers/signicat.md, "Buttons"). */
const MITID_BUTTON = {
  brand:
    "inline-block rounded bg-[#0060e6] px-4 py-2.5 text-center font-medium text-white hover:bg-[#004fc0] disabled:cursor-wait disabled:opacity-70",
};

const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono";

type Translate = Awaited<ReturnType<typeof getTranslations<"MitidLogin">>>;

/**
 * One choice: `text` names its messages (`<text>Heading`, `…Body`, `…Button`, `…Label`); a
 * choice whose prefill the platform lacks says so in `<text>BodyNoPrefill` and has no field.
 */
type Choice = {
  flow: "mitid" | "cpr" | "business" | "company";
  text: "private" | "cpr" | "business" | "company";
  id: string;
  testId: string;
  field?: { id: string; name: "cpr" | "cvr"; maxLength: number; placeholder?: boolean };
  noPrefillBody?: "cprBodyNoPrefill" | "companyBodyNoPrefill";
};

const CHOICES: readonly Choice[] = [
  { flow: "mitid", text: "private", id: "mitid-private", testId: "login-mitid" },
  {
    flow: "cpr",
    text: "cpr",
    id: "mitid-cpr",
    testId: "login-mitid-cpr",
    field: { id: "mitid-cpr-number", name: "cpr", maxLength: 11, placeholder: true },
    noPrefillBody: "cprBodyNoPrefill",
  },
  { flow: "business", text: "business", id: "mitid-business", testId: "login-mitid-business" },
  {
    flow: "company",
    text: "company",
    id: "mitid-company",
    testId: "login-mitid-company",
    field: { id: "mitid-company-cvr", name: "cvr", maxLength: 10 },
    noPrefillBody: "companyBodyNoPrefill",
  },
];

function MitidChoice({ choice, t, prefill }: { choice: Choice; t: Translate; prefill: boolean }) {
  const { flow, text, id, testId, noPrefillBody } = choice;
  const field = prefill ? choice.field : undefined;
  return (
    <Card as="form" action={loginWithMitid} aria-labelledby={id}>
      <input type="hidden" name="flow" value={flow} />
      <h4 id={id} className="text-lg font-semibold">
        {t(`${text}Heading`)}
      </h4>
      <p className="mt-2 text-sm text-slate-600">
        {!prefill && noPrefillBody ? t(noPrefillBody) : t(`${text}Body`)}
      </p>
      {field ? (
        <>
          <label htmlFor={field.id} className="mt-3 block text-sm font-medium">
            {t(`${text as "cpr" | "company"}Label`)}
          </label>
          <input
            id={field.id}
            name={field.name}
            inputMode="numeric"
            autoComplete="off"
            maxLength={field.maxLength}
            placeholder={field.placeholder ? t("cprPlaceholder") : undefined}
            className={input}
          />
        </>
      ) : null}
      <SubmitButton
        data-testid={testId}
        variant={flow === "mitid" ? MITID_BUTTON : "secondary"}
        className="mt-4 w-full"
      >
        {t(`${text}Button`)}
      </SubmitButton>
    </Card>
  );
}

/**
 * The MitID choices this portal's Signicat platform offers (one component for all four); a
 * prefill the platform lacks is not offered, and the card says what happens instead. Only known
 * problems are ever shown.
 */
export async function MitidLoginChoices({ problem, alongside }: LoginCardProps) {
  const t = await getTranslations("MitidLogin");
  const features = signicatFeatures(requireProviderSettings("signicat"));
  const offered = CHOICES.filter((c) =>
    c.flow === "business" ? features.business : c.flow === "company" ? features.company : true,
  );
  const message =
    problem && Object.hasOwn(PROBLEMS, problem) ? t(PROBLEMS[problem as keyof typeof PROBLEMS]) : undefined;
  return (
    <section aria-labelledby="mitid" className="space-y-4 md:col-span-2">
      <div>
        <h3 id="mitid" className="text-lg font-semibold">
          {alongside ? t("headingAlongside") : t("heading")}
        </h3>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          {alongside ? t("introAlongside") : t("intro")}
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
        {offered.map((choice) => (
          <MitidChoice
            key={choice.flow}
            choice={choice}
            t={t}
            prefill={choice.flow === "cpr" ? features.prefilledCpr : features.prefilledCvr}
          />
        ))}
      </div>
    </section>
  );
}
