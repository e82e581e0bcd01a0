import { expect, type APIRequestContext } from "@playwright/test";

import { SANDBOX_URL } from "./env";

/** The sandbox's control endpoints: they exist only in the sandbox, for demos and tests. */
export async function sandboxControl(request: APIRequestContext, path: string, data?: unknown) {
  const res = await request.post(`${SANDBOX_URL}/digidentity/control${path}`, { data: data ?? {} });
  expect(res.ok(), `${path} answered ${res.status()}`).toBeTruthy();
  return (await res.json()) as { ok: boolean; status: string };
}

/** The QR id is the last path segment of the phone-app URL the QR encodes. */
export function qrIdFromUri(uri: string): string {
  const id = new URL(uri).pathname.split("/").at(-1);
  if (!id) throw new Error(`No QR id in ${uri}`);
  return id;
}
