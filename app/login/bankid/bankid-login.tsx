"use client";

import Link from "next/link";
import { QRCodeSVG } from "qrcode.react";
import { useCallback, useEffect, useState, useTransition } from "react";
import useSWR from "swr";

import type { HeadlessStartResponse, HeadlessStatusResponse } from "@/app/api/idura/schema";
import { LOGIN_ERRORS, type LoginErrorReason } from "@/lib/login-errors";

import { WaitingIndicator } from "@/app/ui/waiting";

import { completeBankIdLogin } from "./actions";

class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, cache: "no-store", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText);
  return body as T;
}

type Ended = { title: string; body: string; ref?: string };

const ENDED_TEXT: Record<"cancelled" | "expired" | "lost", Ended> = {
  cancelled: {
    title: "The login was cancelled in the BankID app",
    body: "Nobody was logged in. Start again if you like.",
  },
  expired: { title: "The BankID login expired", body: "The QR code was not scanned in time. Start again." },
  lost: { title: "This login was not finished", body: "Start again from this page." },
};

export function BankIdLogin() {
  const [attempt, setAttempt] = useState(0);
  const [qrData, setQrData] = useState<string | null>(null);
  const [scanned, setScanned] = useState(false);
  const [approved, setApproved] = useState(false);
  const [ended, setEnded] = useState<Ended | null>(null);
  const [, startCompleting] = useTransition();

  const start = useCallback(async () => {
    setEnded(null);
    setQrData(null);
    setScanned(false);
    setApproved(false);
    try {
      const started = await fetchJson<HeadlessStartResponse>("/api/idura/headless/start", { method: "POST" });
      setQrData(started.qrData);
      setAttempt((a) => a + 1);
    } catch (e) {
      setEnded({
        title: "We could not start a BankID login",
        body: e instanceof ApiError ? e.message : "Check your connection.",
      });
    }
  }, []);

  useEffect(() => {
    // Starting a login is a side effect of opening this page, like a redirect would be.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void start();
  }, [start]);

  const polling = attempt > 0 && qrData !== null && !ended && !approved;
  // BankID's QR code changes every second, so the page asks every second for the fresh one.
  useSWR<HeadlessStatusResponse, ApiError>(
    polling ? ["/api/idura/headless/status", attempt] : null,
    ([url]: [string]) => fetchJson<HeadlessStatusResponse>(url),
    {
      refreshInterval: 1000,
      dedupingInterval: 0,
      revalidateOnFocus: false,
      onSuccess: (latest) => {
        if (latest.status === "pending") {
          if (latest.qrData) setQrData(latest.qrData);
          setScanned(latest.hintCode === "userSign");
        } else if (latest.status === "approved") {
          setApproved(true);
          startCompleting(async () => {
            const result = await completeBankIdLogin();
            const text = LOGIN_ERRORS[result.reason as LoginErrorReason];
            setEnded({ title: text.title, body: text.body, ref: result.ref });
          });
        } else {
          setEnded(ENDED_TEXT[latest.status]);
        }
      },
      onError: (err) => {
        if (err.status < 500) setEnded(ENDED_TEXT.lost);
      },
      shouldRetryOnError: (err) => err.status >= 500,
    },
  );

  return (
    // What replaces what (QR, "Confirm in the app", the outcome) is read out politely; the QR
    // code itself changes only attributes, so its animation is not announced.
    <div
      className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      aria-live="polite"
      data-testid="bankid-live"
    >
      {ended ? (
        <div className="py-6 text-center" data-testid="bankid-ended">
          <h2 className="text-xl font-semibold">{ended.title}</h2>
          <p className="mx-auto mt-2 max-w-md text-slate-600">{ended.body}</p>
          {ended.ref ? <p className="mt-2 text-sm text-slate-500">Reference: {ended.ref}</p> : null}
          <button
            type="button"
            onClick={() => void start()}
            className="mt-6 rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white"
          >
            Start again
          </button>
        </div>
      ) : approved ? (
        <p className="py-16 text-center text-lg font-medium">Identified. Logging you in…</p>
      ) : scanned ? (
        <div className="py-12 text-center" data-testid="bankid-confirm">
          <h2 className="text-xl font-semibold">
            <WaitingIndicator />
            Confirm in the app
          </h2>
          <p className="mt-2 text-slate-600">
            The QR code was scanned. Confirm the login in the BankID app on your phone.
          </p>
        </div>
      ) : qrData ? (
        <div className="flex flex-col items-center gap-5">
          <ol className="list-decimal space-y-1 self-stretch pl-5 text-slate-700">
            <li>Open the BankID app on your phone and choose to scan a QR code.</li>
            <li>
              Point the camera at this code. It changes every second, so a photo of it soon stops working.
            </li>
            <li>Confirm in the app. This page continues by itself.</li>
          </ol>
          <div className="rounded-lg border border-slate-200 bg-white p-2">
            <QRCodeSVG
              value={qrData}
              size={240}
              marginSize={4}
              level="L"
              role="img"
              aria-label="BankID QR code"
            />
          </div>
        </div>
      ) : (
        <p className="py-16 text-center text-slate-600">Starting BankID…</p>
      )}
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-slate-600 underline underline-offset-2">
          Choose another way to log in
        </Link>
      </p>
    </div>
  );
}
