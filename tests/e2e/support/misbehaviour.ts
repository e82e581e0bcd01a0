import { expect, type APIRequestContext, type Page } from "@playwright/test";

import { SANDBOX_URL } from "./env";
import { test } from "./fixtures";
import { expectLoginError } from "./pages";
import { startPortal } from "./portal-process";

/** The misbehaviour modes every OIDC provider's lab portal must refuse as "could not be verified". */
export const REFUSED_MODES = [
  "bad_signature",
  "alg_none",
  "hs256_client_secret",
  "wrong_iss",
  "wrong_aud",
  "missing_aud",
  "expired",
  "missing_iat",
  "missing_sub",
  "wrong_nonce",
  "missing_nonce",
  "wrong_state",
  "missing_state",
  "wrong_response_iss",
  "userinfo_sub_mismatch",
] as const;

/** The modes of the JWT IDToken pushes over its WebSocket; all but `rotated_key` are refused. */
export const IDTOKEN_REFUSED_MODES = [
  "bad_signature",
  "alg_none",
  "hs256_client_secret",
  "wrong_iss",
  "wrong_aud",
  "missing_aud",
  "expired",
  "missing_iat",
  "missing_sub",
  "wrong_session",
] as const;

export const VERIFY_TITLE = "The identity provider's answer could not be verified";
export const PROVIDER_ERROR_TITLE = "The identity provider answered something unexpected";

/** The sandbox providers with a misbehaviour switch, by their path prefix. */
export type MisbehavingProvider = "digidentity" | "signicat" | "idura" | "idtoken";

/** Sets one client's (for IDToken: one service's) mode through the provider's control endpoint. */
export async function misbehave(
  request: APIRequestContext,
  provider: MisbehavingProvider,
  clientId: string,
  mode: string,
) {
  const res = await request.post(`${SANDBOX_URL}/${provider}/control/misbehaviour`, {
    data: { client_id: clientId, mode },
  });
  expect(res.ok(), `${provider} misbehaviour ${mode} answered ${res.status()}`).toBeTruthy();
}

/** Neither a session for the portal nor a session cookie in the browser. */
export async function expectNoSession(page: Page, portalUrl: string) {
  const session = await page.request.get(`${portalUrl}/api/auth/session`);
  expect(await session.json()).toBeNull();
  const cookies = await page.context().cookies(portalUrl);
  expect(cookies.filter((c) => c.name.includes("session-token")).map((c) => c.name)).toEqual([]);
}

/**
 * Watches everything the portal answers this page from now on, then checks a refusal as the
 * issue asks: the specific page's heading, a reference id, no session, nothing answered 5xx
 * (a refusal is not an outage), and a way back to the login page.
 */
export function watchRefusal(page: Page, portalUrl: string) {
  const statuses: { url: string; status: number }[] = [];
  page.on("response", (res) => {
    if (res.url().startsWith(portalUrl)) statuses.push({ url: res.url(), status: res.status() });
  });
  const expectNoServerError = () => expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  return {
    /** On the portal's error page, `/auth/error?reason=…&ref=…`. */
    async onErrorPage(reason: string, title: string) {
      await expectLoginError(page, reason, title);
      await expect(page.getByTestId("error-ref")).toHaveText(/^[0-9a-f]{12}$/);
      await expectNoSession(page, portalUrl);
      expectNoServerError();
    },
    /** Shown in place on a login page that stays open (IDToken, BankID QR), or the agent's page. */
    async inPlace(container: string, title: string, options: { signedIn?: boolean } = {}) {
      const region = page.getByTestId(container);
      await expect(region.getByRole("heading", { name: title })).toBeVisible();
      await expect(region.getByTestId("error-ref")).toHaveText(/^[0-9a-f]{12}$/);
      if (!options.signedIn) {
        await expect(page.getByRole("link", { name: "Choose another way to log in" })).toHaveAttribute(
          "href",
          "/login",
        );
        await expectNoSession(page, portalUrl);
      }
      expectNoServerError();
    },
  };
}

/**
 * A second portal for the spec that calls this at its top level, started before its tests. With
 * `client` (the provider client it is registered as) that client behaves again after them; the
 * main portal's tests keep logging in normally meanwhile.
 */
export function labPortal(
  port: number,
  env: Record<string, string>,
  client?: { provider: MisbehavingProvider; clientId: string },
) {
  let stop = () => {};
  test.beforeAll(async () => {
    ({ stop } = await startPortal(port, { SANDBOX_URL, ...env }));
  });
  test.afterAll(async ({ request }) => {
    if (client) await misbehave(request, client.provider, client.clientId, "none");
    stop();
  });
  return {
    url: `http://localhost:${port}`,
    misbehave: (request: APIRequestContext, mode: string) => {
      if (!client) throw new Error("this lab portal has no client to misbehave for");
      return misbehave(request, client.provider, client.clientId, mode);
    },
  };
}
