"use client";

import { useState, useTransition, type FormEvent } from "react";
import useSWR from "swr";

import type { CibaStatusResponse, VerifiedCustomer } from "@/app/api/idura/schema";

import { WaitingIndicator } from "@/app/ui/waiting";

import { startCustomerVerification } from "./actions";

class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function fetchStatus(url: string): Promise<CibaStatusResponse> {
  const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? res.statusText);
  return body as CibaStatusResponse;
}

type View =
  | { kind: "form"; error?: string }
  | { kind: "waiting"; bindingMessage: string; attempt: number }
  | { kind: "approved"; customer: VerifiedCustomer }
  | { kind: "ended"; title: string; body: string };

export function CustomerVerification() {
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
      setView({ kind: "waiting", bindingMessage: result.bindingMessage, attempt: attempt + 1 });
    });
  };

  // The page asks the portal every second; the portal asks Idura only at Idura's interval.
  const { data } = useSWR<CibaStatusResponse, ApiError>(
    view.kind === "waiting" ? ["/api/idura/ciba/status", view.attempt] : null,
    ([url]: [string]) => fetchStatus(url),
    {
      refreshInterval: 1000,
      dedupingInterval: 0,
      revalidateOnFocus: false,
      onSuccess: (latest) => {
        if (latest.status === "approved") setView({ kind: "approved", customer: latest.customer });
        if (latest.status === "denied") {
          setView({
            kind: "ended",
            title: "The caller declined",
            body: "The caller declined the request in the BankID app. Do not share account details; ask them to call again if it was a mistake.",
          });
        }
        if (latest.status === "expired") {
          setView({
            kind: "ended",
            title: "The request expired",
            body: "The caller did not answer in time. Start a new request while they are on the line.",
          });
        }
      },
      onError: (err) => {
        if (err.status < 500) setView({ kind: "ended", title: "The request was lost", body: err.message });
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
              Caller&apos;s national identity number
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
            Send request to the caller&apos;s phone
          </button>
        </form>
      ) : view.kind === "waiting" ? (
        <div className="space-y-3 text-center">
          <p className="text-slate-700">
            Read this code to the caller. They must see the same code in the app:
          </p>
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="ciba-binding-message">
            {view.bindingMessage}
          </p>
          <p className="text-sm text-slate-600" data-testid="ciba-waiting">
            <WaitingIndicator />
            Waiting for the caller to confirm.
            {data?.status === "pending" ? (
              <>
                {" "}
                Checking every <span data-testid="ciba-interval">{data.intervalSeconds}</span> s
                {data.slowedDown ? " (Idura asked us to slow down)" : ""}.
              </>
            ) : null}
          </p>
        </div>
      ) : view.kind === "approved" ? (
        <div className="space-y-2 text-center" data-testid="ciba-approved">
          <h2 className="text-xl font-semibold">Identity confirmed</h2>
          <p className="text-lg" data-testid="ciba-customer-name">
            {view.customer.name}
          </p>
          {view.customer.birthdate ? (
            <p className="text-slate-600">
              Born <span data-testid="ciba-customer-birthdate">{view.customer.birthdate}</span>
            </p>
          ) : null}
          <p className="text-sm text-slate-600">Confirmed with {view.customer.eid}.</p>
          <button type="button" onClick={() => setView({ kind: "form" })} className="mt-4 underline">
            Verify another caller
          </button>
        </div>
      ) : (
        <div className="space-y-2 text-center" data-testid="ciba-ended">
          <h2 className="text-xl font-semibold">{view.title}</h2>
          <p className="text-slate-600">{view.body}</p>
          <button type="button" onClick={() => setView({ kind: "form" })} className="mt-4 underline">
            Start again
          </button>
        </div>
      )}
    </div>
  );
}
