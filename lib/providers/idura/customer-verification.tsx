"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useState, useTransition, type FormEvent } from "react";

import type { CibaStatusResponse, VerifiedCustomer } from "./device-schema";
import { DeviceOutcome, endedOutcome, type DeviceEnded } from "@/components/ui/device-outcome";
import { useDevicePoll, useSecondsLeft } from "@/components/ui/device-poll";
import { announcedSeconds, WaitingIndicator } from "@/components/ui/waiting";
import { calendarDate } from "@/lib/i18n/formats";

import { cancelCustomerVerification, startCustomerVerification } from "./agent-actions";
import { Card } from "@/components/ui/card";
import { FormError, TextField } from "@/components/ui/form-field";
import { countdownFigure, PollProblem } from "@/components/ui/device-login";
import { BUTTON } from "@/components/ui/button";

type View =
  | { kind: "form"; error?: string; cancelled?: boolean }
  | { kind: "waiting"; bindingMessage: string; words: boolean; expiresAt: number; attempt: number }
  | { kind: "approved"; customer: VerifiedCustomer }
  | { kind: "ended"; ended: DeviceEnded };

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
  const [cancelling, startCancelling] = useTransition();
  const [attempt, setAttempt] = useState(0);
  const [latest, setLatest] = useState<CibaStatusResponse>();

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
      setLatest(undefined);
      setView({
        kind: "waiting",
        bindingMessage: result.bindingMessage,
        words: result.words,
        expiresAt: result.expiresAt,
        attempt: attempt + 1,
      });
    });
  };

  // The request's absolute expiry: from the start answer, then from each pending answer.
  const expiresAt =
    view.kind !== "waiting" ? undefined : latest?.status === "pending" ? latest.expiresAt : view.expiresAt;
  const secondsLeft = useSecondsLeft(expiresAt);
  const timedOut = view.kind === "waiting" && secondsLeft === 0;

  // The page asks the portal every second; the portal asks Idura only at Idura's interval.
  const { error: pollError, settled } = useDevicePoll<CibaStatusResponse>(
    "/api/idura/ciba/status",
    view.kind === "waiting" && !cancelling && !timedOut ? view.attempt : null,
    {
      intervalMs: () => 1000,
      onAnswer: (answer) => {
        setLatest(answer);
        if (answer.status === "approved") setView({ kind: "approved", customer: answer.customer });
        if (answer.status === "denied") setView({ kind: "ended", ended: { kind: "declined" } });
        if (answer.status === "expired") setView({ kind: "ended", ended: { kind: "expired" } });
        if (answer.status === "refused")
          setView({ kind: "ended", ended: { kind: "refused", reason: answer.reason, ref: answer.ref } });
      },
      onGone: (err) => setView({ kind: "ended", ended: { kind: "lost", message: err.message } }),
    },
  );

  const shown: View = timedOut ? { kind: "ended", ended: { kind: "expired" } } : view;
  const data = latest?.status === "pending" ? latest : undefined;
  const again = () => setView({ kind: "form" });
  const cancel = () =>
    startCancelling(async () => {
      // The page stops waiting whatever happens; a cookie left behind is replaced by the next start.
      // A status poll still in flight would set the request's cookie again after the cancel.
      await settled();
      await cancelCustomerVerification().catch(() => undefined);
      setView({ kind: "form", cancelled: true });
    });
  const endedText = ({ kind, reason, message }: DeviceEnded): { title: string; body?: string } => {
    if (reason) {
      const provider = providerName;
      return { title: errors(`${reason}.title`, { provider }), body: errors(`${reason}.body`, { provider }) };
    }
    if (kind === "declined" || kind === "expired")
      return { title: t(`${kind}Title`), body: t(`${kind}Body`) };
    return { title: t("lostTitle"), body: message };
  };
  const clock = (seconds: number) => ({
    minutes: Math.floor(seconds / 60),
    seconds: String(seconds % 60).padStart(2, "0"),
  });

  return (
    // Each step replaces the last; the new one is read out politely.
    <Card className="mt-6" aria-live="polite" data-testid="ciba-live">
      {shown.kind === "form" ? (
        <form onSubmit={onSubmit} className="space-y-4">
          {shown.cancelled ? (
            <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700" data-testid="ciba-cancelled">
              {t("cancelledBody")}
            </p>
          ) : null}
          <TextField
            id="national-id"
            label={t("nationalIdLabel")}
            name="nationalId"
            required
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
          />
          <FormError testId="ciba-error">{shown.error}</FormError>
          <button type="submit" disabled={pending} className={`${BUTTON.primary} w-full`}>
            {t("submit")}
          </button>
        </form>
      ) : shown.kind === "waiting" ? (
        <div className="space-y-3 text-center">
          {/* Norwegian BankID: Idura's word pair, which the caller picks among three in the app. */}
          <p className="text-slate-700">{t(shown.words ? "readWords" : "readCode")}</p>
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="ciba-binding-message">
            {shown.bindingMessage}
          </p>
          <p className="text-sm text-slate-600" data-testid="ciba-waiting">
            <WaitingIndicator />
            {t("waiting")}
            {data ? (
              <>
                {" "}
                {t.rich(data.slowedDown ? "checkingSlowed" : "checking", {
                  seconds: data.intervalSeconds,
                  interval: (chunks) => <span data-testid="ciba-interval">{chunks}</span>,
                })}
              </>
            ) : null}
          </p>
          <p className="text-sm text-slate-600" role="timer" data-testid="ciba-countdown">
            <span className="sr-only">
              {t.rich("expiresIn", { ...clock(announcedSeconds(secondsLeft ?? 0, 30)), time: (c) => c })}
            </span>
            <span aria-hidden="true">
              {t.rich("expiresIn", {
                ...clock(secondsLeft ?? 0),
                time: countdownFigure,
              })}
            </span>
          </p>
          <PollProblem error={pollError} />
          <button
            type="button"
            onClick={cancel}
            disabled={cancelling}
            className="mt-2 rounded-lg border border-slate-400 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {t("cancel")}
          </button>
        </div>
      ) : shown.kind === "approved" ? (
        <DeviceOutcome
          kind="approved"
          title={t("confirmedHeading")}
          retryLabel={t("another")}
          onRetry={again}
          testId="ciba-approved"
        >
          <p className="mt-2 text-lg" data-testid="ciba-customer-name">
            {shown.customer.name}
          </p>
          {shown.customer.birthdate ? (
            <p className="text-slate-700">
              {t.rich("born", {
                birthdate: localDate(shown.customer.birthdate),
                date: (chunks) => <span data-testid="ciba-customer-birthdate">{chunks}</span>,
              })}
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-700">{t("confirmedWith", { eid: shown.customer.eid })}</p>
        </DeviceOutcome>
      ) : (
        <DeviceOutcome
          kind={endedOutcome(shown.ended)}
          {...endedText(shown.ended)}
          reference={shown.ended.ref}
          retryLabel={common("startAgain")}
          onRetry={again}
          testId="ciba-ended"
        />
      )}
    </Card>
  );
}
