"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useState, useTransition, type FormEvent } from "react";
import useSWR from "swr";

import type { CibaStatusResponse, VerifiedCustomer } from "@/app/api/idura/schema";
import { ErrorReference } from "@/app/ui/error-reference";
import { calendarDate } from "@/lib/i18n/formats";
import type { LoginErrorReason } from "@/lib/login-failure/reasons";

import { ApiError, fetchJson } from "@/app/ui/fetch-json";
import { WaitingIndicator } from "@/app/ui/waiting";

import { startCustomerVerification } from "./actions";

type View =
  | { kind: "form"; error?: string }
  | { kind: "waiting"; bindingMessage: string; words: boolean; attempt: number }
  | { kind: "approved"; customer: VerifiedCustomer }
  | { kind: "ended"; why: "declined" | "expired" }
  | { kind: "refused"; reason: LoginErrorReason; ref?: string }
  | { kind: "lost"; message: string };

/** `providerName`: how the error texts name the provider (lib/login-failure/provider-names.ts). */
export function CustomerVerification({ providerName }: { providerName: string }) {
  const t = useTranslations("AgentVerify");
  const common = useTranslations("Common");
  const errors = useTranslations("LoginErrors");
  const format = useFormatter();
  const localDate = (value: string) => {
    const date = calendarDate(value);
    return typeof date === "string" ? date : format.dateTime(date, "day");
  };
  const [view, setView] = useState<View>({ kind: "form" });
  const [pending, startPending] = useTransition();
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startPending(async () => {
      const result = await startCustomerVerification(form);
      if (!result.ok) {
        setView({ kind: "form", error: result.message });
        return;
      }
      setAttempt((a) => a + 1);
      setView({
        kind: "waiting",
        bindingMessage: result.bindingMessage,
        words: result.words,
        attempt: attempt + 1,
      });
    });
  };

  // The page asks the portal every second; the portal asks Idura only at Idura's interval.
  const { data } = useSWR<CibaStatusResponse, ApiError>(
    view.kind === "waiting" ? ["/api/idura/ciba/status", view.attempt] : null,
    ([url]: [string]) => fetchJson<CibaStatusResponse>(url),
    {
      refreshInterval: 1000,
      dedupingInterval: 0,
      revalidateOnFocus: false,
      onSuccess: (latest) => {
        if (latest.status === "approved") setView({ kind: "approved", customer: latest.customer });
        if (latest.status === "denied") setView({ kind: "ended", why: "declined" });
        if (latest.status === "expired") setView({ kind: "ended", why: "expired" });
        if (latest.status === "refused") setView({ kind: "refused", reason: latest.reason, ref: latest.ref });
      },
      onError: (err) => {
        if (err.status < 500) setView({ kind: "lost", message: err.message });
      },
      shouldRetryOnError: (err) => err.status >= 500,
    },
  );

  return (
    // Each step replaces the last; the new one is read out politely.
    <div
      className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      aria-live="polite"
      data-testid="ciba-live"
    >
      {view.kind === "form" ? (
        <form onSubmit={onSubmit} className="space-y-4">
          <div>
            <label htmlFor="national-id" className="block font-medium">
              {t("nationalIdLabel")}
            </label>
            <input
              id="national-id"
              name="nationalId"
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono"
            />
          </div>
          {view.error ? (
            <p className="text-sm text-red-700" role="alert" data-testid="ciba-error">
              {view.error}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={pending}
            className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("submit")}
          </button>
        </form>
      ) : view.kind === "waiting" ? (
        <div className="space-y-3 text-center">
          {/* Norwegian BankID: Idura's word pair, which the caller picks among three in the app. */}
          <p className="text-slate-700">{t(view.words ? "readWords" : "readCode")}</p>
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="ciba-binding-message">
            {view.bindingMessage}
          </p>
          <p className="text-sm text-slate-600" data-testid="ciba-waiting">
            <WaitingIndicator />
            {t("waiting")}
            {data?.status === "pending" ? (
              <>
                {" "}
                {t.rich(data.slowedDown ? "checkingSlowed" : "checking", {
                  seconds: data.intervalSeconds,
                  interval: (chunks) => <span data-testid="ciba-interval">{chunks}</span>,
                })}
              </>
            ) : null}
          </p>
        </div>
      ) : view.kind === "approved" ? (
        <div className="space-y-2 text-center" data-testid="ciba-approved">
          <h2 className="text-xl font-semibold">{t("confirmedHeading")}</h2>
          <p className="text-lg" data-testid="ciba-customer-name">
            {view.customer.name}
          </p>
          {view.customer.birthdate ? (
            <p className="text-slate-600">
              {t.rich("born", {
                birthdate: localDate(view.customer.birthdate),
                date: (chunks) => <span data-testid="ciba-customer-birthdate">{chunks}</span>,
              })}
            </p>
          ) : null}
          <p className="text-sm text-slate-600">{t("confirmedWith", { eid: view.customer.eid })}</p>
          <button type="button" onClick={() => setView({ kind: "form" })} className="mt-4 underline">
            {t("another")}
          </button>
        </div>
      ) : (
        <div className="space-y-2 text-center" data-testid="ciba-ended">
          <h2 className="text-xl font-semibold">
            {view.kind === "lost"
              ? t("lostTitle")
              : view.kind === "refused"
                ? errors(`${view.reason}.title`, { provider: providerName })
                : t(`${view.why}Title`)}
          </h2>
          <p className="text-slate-600">
            {view.kind === "lost"
              ? view.message
              : view.kind === "refused"
                ? errors(`${view.reason}.body`, { provider: providerName })
                : t(`${view.why}Body`)}
          </p>
          {view.kind === "refused" ? <ErrorReference id={view.ref} /> : null}
          <button type="button" onClick={() => setView({ kind: "form" })} className="mt-4 underline">
            {common("startAgain")}
          </button>
        </div>
      )}
    </div>
  );
}
