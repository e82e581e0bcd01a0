"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useState, useTransition, type FormEvent } from "react";

import { DeviceOutcome, endedOutcome, type DeviceEnded } from "@/components/ui/device-outcome";
import { useSecondsLeft } from "@/components/ui/device-poll";
import { ApiError, postJson } from "@/components/ui/fetch-json";
import type { LoginErrorReason } from "@/lib/login-failure/reasons";
import {
  idtCloseReason,
  readIdtSocketMessage,
  type IdtStartResponse,
} from "@/lib/providers/idtoken/page-protocol";

import { announcedSeconds, WaitingIndicator } from "@/components/ui/waiting";

import { completeIdtLogin } from "./actions";
import { Card } from "@/components/ui/card";
import { FormError, TextField } from "@/components/ui/form-field";
import { countdownFigure, OtherWayLink } from "@/components/ui/device-login";
import { BUTTON } from "@/components/ui/button";

/** An IDToken login always ends with a login-failure reason, whose texts explain it. */
type Ended = DeviceEnded & { reason: LoginErrorReason };

/** Hands the operator's approval to the portal: null once it is taken, else why not. */
async function handOver(approval: unknown): Promise<{ code: string; ref?: string } | null> {
  try {
    await postJson("/api/idtoken/complete", approval);
    return null;
  } catch (e) {
    return e instanceof ApiError ? { code: e.code, ref: e.ref } : { code: "offline" };
  }
}

/** Why `/api/idtoken/complete` refused, as a reason the outcome view explains. */
function completionRefusal(code: string): LoginErrorReason {
  if (code === "already_used") return "login_already_used";
  if (code === "state_unavailable") return "state_unavailable";
  if (code === "rate_limited") return "rate_limited";
  return "id_token_invalid";
}

/** How an IDToken login ended, from its reason: the operator's expiry and refusal have their own look. */
function endedBy(reason: LoginErrorReason, ref?: string): Ended {
  if (reason === "idtoken_expired") return { kind: "expired", reason, ref };
  if (reason === "idtoken_rejected") return { kind: "declined", reason, ref };
  return { kind: "failed", reason, ref };
}

export function IdtLogin({
  rememberedTokenId,
  providerName,
}: {
  rememberedTokenId?: string;
  /** How the error texts name the provider (lib/login-failure/provider-names.ts). */
  providerName: string;
}) {
  const t = useTranslations("IdTokenLogin");
  const common = useTranslations("Common");
  const errors = useTranslations("LoginErrors");
  const provider = providerName;
  const [login, setLogin] = useState<IdtStartResponse | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);
  const [approved, setApproved] = useState(false);
  const [starting, startStarting] = useTransition();
  const [, startCompleting] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tokenId = String(form.get("tokenId") ?? "");
    const remember = form.get("remember") === "on";
    startStarting(async () => {
      setStartError(null);
      setEnded(null);
      setApproved(false);
      try {
        setLogin(await postJson<IdtStartResponse>("/api/idtoken/start", { tokenId, remember }));
      } catch (e) {
        // The portal words its answers in this page's language; bad input is said here, by field.
        if (!(e instanceof ApiError)) setStartError(common("offline"));
        else if (e.code === "invalid_request") setStartError(t("invalidTokenId"));
        else setStartError(e.message);
      }
    });
  };

  // The operator's socket, straight from the browser like the real service's wss URL. The JWT it
  // brings is only handed to the portal's server, which verifies it before any sign-in.
  useEffect(() => {
    if (!login) return;
    const socket = new WebSocket(login.socketUrl);
    let settled = false;
    socket.onmessage = (event) => {
      // The operator's messages (docs/providers/idtoken.md); otp_ready and anything else are ignored.
      const message = readIdtSocketMessage(event.data);
      if (message?.type === "approved") {
        settled = true;
        setApproved(true);
        startCompleting(async () => {
          let refused = await handOver(message.approval);
          // The portal's shared state briefly unavailable: nothing was taken, so ask again.
          for (let i = 0; i < 5 && refused?.code === "state_unavailable"; i++) {
            await new Promise((resolve) => setTimeout(resolve, 2000));
            refused = await handOver(message.approval);
          }
          if (refused) {
            setEnded(endedBy(completionRefusal(refused.code), refused.ref));
            return;
          }
          const result = await completeIdtLogin();
          // Only reached on failure: on success the action redirects to the account page.
          setEnded(endedBy(result.reason, result.ref));
        });
      } else if (message?.type === "ended") {
        settled = true;
        setEnded(endedBy(message.reason));
      }
    };
    socket.onclose = (event) => {
      if (settled) return;
      const reason = idtCloseReason(event.code);
      if (reason) setEnded(endedBy(reason));
    };
    return () => {
      settled = true;
      socket.close(1000);
    };
  }, [login]);

  const secondsLeft = useSecondsLeft(login && !ended && !approved ? login.expiresAt : undefined);
  const view: Ended | null =
    ended ?? (login && !approved && secondsLeft === 0 ? endedBy("idtoken_expired") : null);

  const restart = () => {
    setLogin(null);
    setEnded(null);
    setApproved(false);
  };

  return (
    <Card className="mt-6">
      <div
        aria-live="polite"
        aria-atomic="true"
        role="status"
        data-testid="idtoken-status"
        className="sr-only"
      >
        {view ? (
          errors(`${view.reason}.title`, { provider })
        ) : approved ? (
          common("loggingIn")
        ) : login ? (
          <>
            {t("compare")}{" "}
            {t.rich("expiresIn", {
              seconds: announcedSeconds(secondsLeft ?? 0, 15),
              time: (chunks) => chunks,
            })}
          </>
        ) : (
          ""
        )}
      </div>
      {view ? (
        <DeviceOutcome
          kind={endedOutcome(view)}
          title={errors(`${view.reason}.title`, { provider })}
          body={errors(`${view.reason}.body`, { provider })}
          reference={view.ref}
          retryLabel={common("startAgain")}
          onRetry={restart}
          testId="idtoken-ended"
          reason={view.reason}
        />
      ) : approved ? (
        <p className="py-16 text-center text-lg font-medium" data-testid="idtoken-completing">
          {common("loggingIn")}
        </p>
      ) : login ? (
        <div className="flex flex-col items-center gap-4 text-center">
          <p className="text-slate-700">{t("codeIntro")}</p>
          <p
            className="font-mono text-6xl font-bold tracking-[0.25em] tabular-nums"
            data-testid="idtoken-otp"
            aria-label={t("codeLabel")}
          >
            {login.autoPassword}
          </p>
          <p className="max-w-md text-slate-700">
            {t.rich("instructions", { strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <p className="text-sm text-slate-600" role="timer" data-testid="idtoken-countdown">
            <WaitingIndicator />
            {t.rich("expiresIn", {
              seconds: secondsLeft ?? 0,
              time: countdownFigure,
            })}
          </p>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <p className="text-slate-700">{t("formIntro")}</p>
          <TextField
            id="idtoken-token-id"
            label={t("tokenIdLabel")}
            name="tokenId"
            required
            maxLength={128}
            autoComplete="username"
            defaultValue={rememberedTokenId ?? ""}
          />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="remember" defaultChecked={rememberedTokenId !== undefined} />
            {t("remember")}
          </label>
          <FormError testId="idtoken-start-error">{startError}</FormError>
          <button type="submit" disabled={starting} className={`${BUTTON.primary} w-full`}>
            {t("submit")}
          </button>
        </form>
      )}
      <OtherWayLink />
    </Card>
  );
}
