import { expect, type APIRequestContext } from "@playwright/test";

import { DEMO_PIN, SANDBOX_URL } from "./env";

/** The sandbox's control endpoints: they exist only in the sandbox, for demos and tests. */
export async function sandboxControl(request: APIRequestContext, path: string, data?: unknown) {
  const res = await request.post(`${SANDBOX_URL}/digidentity/control${path}`, { data: data ?? {} });
  expect(res.ok(), `${path} answered ${res.status()}`).toBeTruthy();
  return (await res.json()) as { ok: boolean; status: string };
}

/** Answers a pending CIBA request as the caller's BankID app would: approve, deny, expire, slow-down. */
export async function cibaControl(request: APIRequestContext, action: string, bindingMessage: string) {
  const res = await request.post(`${SANDBOX_URL}/idura/control/ciba/${action}`, {
    data: { binding_message: bindingMessage },
  });
  expect(res.ok(), `${action} answered ${res.status()}`).toBeTruthy();
}

/** Approves an IDToken session as the holder's phone app would (`POST /auth/verify`). */
export async function approveIdTokenSession(
  request: APIRequestContext,
  session: { sessionId: string; tokenId: string; otp: string },
) {
  const res = await request.post(`${SANDBOX_URL}/idtoken/auth/verify`, {
    data: {
      sessionId: session.sessionId,
      tokenId: session.tokenId,
      autoPassword: session.otp,
      decision: "approve",
      pin: DEMO_PIN,
    },
  });
  expect(res.ok(), `verify answered ${res.status()}`).toBeTruthy();
}

/** The QR id is the last path segment of the phone-app URL the QR encodes. */
export function qrIdFromUri(uri: string): string {
  const id = new URL(uri).pathname.split("/").at(-1);
  if (!id) throw new Error(`No QR id in ${uri}`);
  return id;
}
