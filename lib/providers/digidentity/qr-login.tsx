"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";

import type { QrStartResponse, QrStatusResponse } from "@/lib/providers/digidentity/qr-schema";
import type { LoginErrorReason } from "@/lib/login-failure/reasons";

import { DeviceOutcome, endedOutcome, type DeviceEnded } from "@/components/ui/device-outcome";
import { useDevicePoll, useSecondsLeft } from "@/components/ui/device-poll";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import { announcedSeconds, WaitingIndicator } from "@/components/ui/waiting";

import { completeQrLogin } from "./qr-actions";
import { Card } from "@/components/ui/card";
import { DeviceQr, PhoneSteps } from "@/components/ui/device-qr";
import { countdownFigure, OtherWayLink, PollProblem } from "@/components/ui/device-login";

type Login = QrStartResponse & { attempt: number };

/** `providerName`: how the error texts name the provider (lib/login-failure/provider-names.ts). */
export function QrLogin({ providerName }: { providerName: string }) {
  const t = useTranslations("QrLogin");
  const common = useTranslations("Common");
  const describe = useDescribe(providerName);
  const [login, setLogin] = useState<Login | null>(null);
  const [ended, setEnded] = useState<DeviceEnded | null>(null);
  const [approved, setApproved] = useState(false);
  const [completing, startCompleting] = useTransition();
  // The code's absolute expiry, from the start answer and then from each pending answer.
  const [expiresAt, setExpiresAt] = useState<number>();
  const attempts = useRef(0);

  const start = useCallback(async () => {
    setEnded(null);
    setLogin(null);
    setApproved(false);
    try {
      const started = await fetchJson<QrStartResponse>("/api/digidentity-qr/start", { method: "POST" });
      attempts.current += 1;
      setExpiresAt(started.expiresAt);
      setLogin({ ...started, attempt: attempts.current });
    } catch (e) {
      setEnded({
        kind: "start-failed",
        message: e instanceof ApiError ? e.message : undefined,
      });
    }
  }, []);

  useEffect(() => {
    // Starting a login is a side effect of opening this page, like a redirect would be.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void start();
  }, [start]);

  const secondsLeft = useSecondsLeft(login ? expiresAt : undefined);
  const timedOut = secondsLeft === 0;
  const polling = login !== null && ended === null && !timedOut && !approved;

  const onStatus = (latest: QrStatusResponse) => {
    switch (latest.status) {
      case "pending":
        setExpiresAt(latest.expiresAt);
        return;
      case "approved":
        setApproved(true);
        startCompleting(async () => {
          const result = await completeQrLogin();
          // Only reached on failure: on success the action redirects to the account page.
          setEnded({ kind: "failed", reason: result.reason, ref: result.ref });
        });
        return;
      case "refused":
        setEnded({ kind: "refused", reason: latest.reason });
        return;
      case "invalid":
        setEnded({ kind: "failed", reason: "id_token_invalid" });
        return;
      default:
        setEnded({ kind: latest.status });
    }
  };

  // Paused while the tab is hidden, and over once the login ends; a 4xx means this browser has
  // no login any more, and retrying cannot help.
  const { error: pollError } = useDevicePoll<QrStatusResponse>(
    "/api/digidentity-qr/status",
    polling ? login.attempt : null,
    {
      // The pace the portal asks for (5 s longer after Digidentity says slow_down).
      intervalMs: (latest) => (latest.status === "pending" ? latest.pollIntervalMs : 1000),
      nextPollInMs: (latest) => (latest.status === "pending" ? latest.nextPollInMs : undefined),
      onAnswer: onStatus,
      onGone: () => setEnded({ kind: "failed", reason: "login_incomplete" }),
    },
  );

  const view: DeviceEnded | null = ended ?? (timedOut ? { kind: "expired" } : null);

  return (
    <Card className="mt-6">
      <div aria-live="polite" aria-atomic="true" role="status" data-testid="qr-status" className="sr-only">
        {view ? (
          describe(view).title
        ) : completing ? (
          common("loggingIn")
        ) : login ? (
          <>
            {t("waiting")}{" "}
            {t.rich("expiresIn", {
              minutes: Math.floor(announcedSeconds(secondsLeft ?? 0, 30) / 60),
              seconds: String(announcedSeconds(secondsLeft ?? 0, 30) % 60).padStart(2, "0"),
              time: (chunks) => chunks,
            })}
          </>
        ) : (
          t("gettingCode")
        )}
      </div>
      {view ? (
        <EndedView view={view} onRetry={start} describe={describe} />
      ) : completing || approved ? (
        <p className="py-16 text-center text-lg font-medium" data-testid="qr-completing">
          {common("loggingIn")}
        </p>
      ) : login ? (
        <div className="flex flex-col items-center gap-5">
          <PhoneSteps steps={[t("step1"), t("step2"), t("step3")]} />
          <DeviceQr value={login.qrCodeUri} level="M" label={t("qrAlt")} testId="qr-code" />
          <p className="text-sm text-slate-600" role="timer" data-testid="qr-countdown">
            <WaitingIndicator />
            {t.rich("expiresIn", {
              minutes: Math.floor((secondsLeft ?? 0) / 60),
              seconds: String((secondsLeft ?? 0) % 60).padStart(2, "0"),
              time: countdownFigure,
            })}
          </p>
          <PollProblem error={pollError} />
          <a
            href={login.qrCodeUri}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="qr-open-in-app"
            className="text-brand-700 underline underline-offset-2"
          >
            {t("openInApp")}
          </a>
        </div>
      ) : (
        <p className="py-16 text-center text-slate-600">{t("gettingCode")}</p>
      )}
      <OtherWayLink />
    </Card>
  );
}

type Describe = (view: DeviceEnded) => { title: string; body: string };

/** The words for an ended login, in the page's language. */
function useDescribe(provider: string): Describe {
  const t = useTranslations("QrLogin");
  const common = useTranslations("Common");
  const errors = useTranslations("LoginErrors");
  const text = (reason: LoginErrorReason) => ({
    title: errors(`${reason}.title`, { provider }),
    body: errors(`${reason}.body`, { provider }),
  });
  return (view) => {
    switch (view.kind) {
      case "expired":
        return text("qr_expired");
      case "declined":
        return text("qr_declined");
      default:
        return view.reason
          ? text(view.reason)
          : { title: t("startFailed"), body: view.message ?? common("offline") };
    }
  };
}

function EndedView({
  view,
  onRetry,
  describe,
}: {
  view: DeviceEnded;
  onRetry: () => void;
  describe: Describe;
}) {
  const t = useTranslations("QrLogin");
  const { title, body } = describe(view);
  return (
    <DeviceOutcome
      kind={endedOutcome(view)}
      title={title}
      body={body}
      reference={view.ref}
      retryLabel={t("newCode")}
      onRetry={onRetry}
      testId={`qr-${view.kind}`}
    />
  );
}
