"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useCallback, useEffect, useState, useTransition } from "react";

import type { HeadlessStartResponse, HeadlessStatusResponse } from "./device-schema";
import { DeviceOutcome, endedOutcome, type DeviceEnded } from "@/components/ui/device-outcome";
import { useDevicePoll, useSecondsLeft } from "@/components/ui/device-poll";

import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import { announcedSeconds, WaitingIndicator } from "@/components/ui/waiting";

import { completeBankIdLogin } from "./bankid-actions";
import { Card } from "@/components/ui/card";
import { DeviceQr, PhoneSteps } from "@/components/ui/device-qr";
import { countdownFigure, OtherWayLink, PollProblem } from "@/components/ui/device-login";
import { BUTTON } from "@/components/ui/button";

/**
 * `providerName`: how the error texts name the provider (lib/login-failure/provider-names.ts).
 * `phone`: this page is on a phone, which cannot scan its own screen; it offers BankID's
 * "Open BankID on this device" app link first (docs/providers/idura.md).
 */
export function BankIdLogin({ providerName, phone = false }: { providerName: string; phone?: boolean }) {
  const t = useTranslations("BankIdLogin");
  const common = useTranslations("Common");
  const errors = useTranslations("LoginErrors");
  const [attempt, setAttempt] = useState(0);
  const [qrData, setQrData] = useState<string | null>(null);
  const [appLink, setAppLink] = useState<string | null>(null);
  const [expiresAt, setExpiresAt] = useState<number>();
  const [scanned, setScanned] = useState(false);
  const [approved, setApproved] = useState(false);
  const [ended, setEnded] = useState<DeviceEnded | null>(null);
  const [, startCompleting] = useTransition();

  const start = useCallback(async () => {
    setEnded(null);
    setQrData(null);
    setScanned(false);
    setApproved(false);
    setExpiresAt(undefined);
    try {
      const started = await fetchJson<HeadlessStartResponse>("/api/idura/headless/start", { method: "POST" });
      setQrData(started.qrData);
      setAppLink(started.appLink ?? null);
      setExpiresAt(started.expiresAt);
      setAttempt((a) => a + 1);
    } catch (e) {
      setEnded({ kind: "start-failed", message: e instanceof ApiError ? e.message : undefined });
    }
  }, []);

  useEffect(() => {
    // Starting a login is a side effect of opening this page, like a redirect would be.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void start();
  }, [start]);

  // The countdown runs from the start answer's absolute expiry (Idura's expires_in), read from the
  // clock at each render, so it never shows more than the order has left (components/ui/device-poll.ts).
  const waiting = attempt > 0 && qrData !== null && !ended && !approved;
  const secondsLeft = useSecondsLeft(waiting ? expiresAt : undefined);
  const timedOut = waiting && secondsLeft === 0;
  const polling = waiting && !timedOut;
  // BankID's QR code changes every second, so the page asks every second for the fresh one.
  const { error: pollError } = useDevicePoll<HeadlessStatusResponse>(
    "/api/idura/headless/status",
    polling ? attempt : null,
    {
      intervalMs: () => 1000,
      onAnswer: (latest) => {
        if (latest.status === "pending") {
          if (latest.qrData) setQrData(latest.qrData);
          setScanned(latest.hintCode === "userSign");
        } else if (latest.status === "approved") {
          setApproved(true);
          startCompleting(async () => {
            const result = await completeBankIdLogin();
            // Only reached on failure: on success the action redirects to the account page.
            setEnded({ kind: "failed", reason: result.reason, ref: result.ref });
          });
        } else if (latest.status === "refused") {
          // Idura's answer failed verification before any sign-in: nobody is logged in.
          setEnded({ kind: "failed", reason: latest.reason, ref: latest.ref });
        } else {
          // The user cancelled in the app, or the order ran out.
          setEnded({ kind: latest.status === "cancelled" ? "declined" : latest.status });
        }
      },
      onGone: () => setEnded({ kind: "lost" }),
    },
  );

  const endedText = (view: DeviceEnded): { title: string; body: string } => {
    if (view.reason) {
      const provider = providerName;
      return {
        title: errors(`${view.reason}.title`, { provider }),
        body: errors(`${view.reason}.body`, { provider }),
      };
    }
    switch (view.kind) {
      case "start-failed":
        return { title: t("startFailed"), body: view.message ?? common("offline") };
      case "declined":
        return { title: t("cancelledTitle"), body: t("cancelledBody") };
      case "expired":
        return { title: t("expiredTitle"), body: t("expiredBody") };
      default:
        return { title: t("lostTitle"), body: t("lostBody") };
    }
  };
  // At zero the order is over: the page says so at once instead of waiting for the next answer.
  const over: DeviceEnded | null = ended ?? (timedOut ? { kind: "expired" } : null);
  const shown = over ? endedText(over) : null;
  const clock = (seconds: number) => ({
    minutes: Math.floor(seconds / 60),
    seconds: String(seconds % 60).padStart(2, "0"),
  });
  // A timer is not read out as it ticks (it sits in the page's polite region): the hidden text
  // moves in 30 s steps, as on the other device pages.
  const countdown =
    secondsLeft === undefined ? null : (
      <p
        className="text-center text-sm text-slate-600"
        role="timer"
        aria-live="off"
        data-testid="bankid-countdown"
      >
        <span className="sr-only">
          {t.rich("expiresIn", { ...clock(announcedSeconds(secondsLeft, 30)), time: (c) => c })}
        </span>
        <span aria-hidden="true">
          {t.rich("expiresIn", {
            ...clock(secondsLeft),
            time: countdownFigure,
          })}
        </span>
      </p>
    );

  return (
    // What replaces what (QR, "Confirm in the app", the outcome) is read out politely; the QR
    // code itself changes only attributes, so its animation is not announced.
    <Card className="mt-6" aria-live="polite" data-testid="bankid-live">
      {over && shown ? (
        <DeviceOutcome
          kind={endedOutcome(over)}
          title={shown.title}
          body={shown.body}
          reference={over.ref}
          retryLabel={common("startAgain")}
          onRetry={() => void start()}
          testId="bankid-ended"
        />
      ) : approved ? (
        <p className="py-16 text-center text-lg font-medium">{t("identified")}</p>
      ) : scanned ? (
        <div className="py-12 text-center" data-testid="bankid-confirm">
          <h2 className="text-xl font-semibold">
            <WaitingIndicator />
            {t("confirmHeading")}
          </h2>
          <p className="mt-2 text-slate-600">{t("confirmBody")}</p>
          <div className="mt-4">{countdown}</div>
        </div>
      ) : qrData ? (
        <div className="flex flex-col items-center gap-5">
          {phone && appLink ? (
            // The sandbox's app is a page: it opens beside this one, which keeps waiting.
            <a
              href={appLink}
              target={appLink.startsWith("https://app.bankid.com/") ? undefined : "_blank"}
              rel="noopener"
              data-testid="bankid-open-app"
              className={`${BUTTON.primary} w-full`}
            >
              {t("openOnThisDevice")}
            </a>
          ) : null}
          <PhoneSteps steps={[t("step1"), t("step2"), t("step3")]} />
          <DeviceQr value={qrData} level="L" label={t("qrAlt")} />
          {countdown}
          <PollProblem error={pollError} />
        </div>
      ) : (
        <p className="py-16 text-center text-slate-600">{t("starting")}</p>
      )}
      <OtherWayLink />
    </Card>
  );
}
