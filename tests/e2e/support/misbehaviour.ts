import type { APIRequestContext, Page } from "@playwright/test";
import {
  ID_TOKEN_MISBEHAVIOURS,
  OIDC_ONLY_MISBEHAVIOURS,
  type Misbehaviour,
} from "../../../sandbox/shared/misbehaviour";
import type { SandboxProvider } from "../../kit";

import { SANDBOX_URL } from "./env";
import { expect, test, type SuiteFixtures } from "./fixtures";
import { expectLoginError } from "./pages";
import { startPortal } from "./portal-process";
import { sandboxFor } from "./sandbox";

/**
 * The modes the portal must refuse as "could not be verified", in the sandbox's own groups: the
 * ID token's signature and claims, then what only an OpenID provider has to get wrong (the nonce,
 * the redirect back, userinfo) but for `access_denied` and `garbage`, which have pages of their own.
 */
export const REFUSED_MODES = [
  ...ID_TOKEN_MISBEHAVIOURS,
  ...OIDC_ONLY_MISBEHAVIOURS.filter(
    (mode): mode is Exclude<typeof mode, "access_denied" | "garbage"> =>
      mode !== "access_denied" && mode !== "garbage",
  ),
];

/** The JWT IDToken pushes over its WebSocket: its claims, or one that answers another session. */
export const IDTOKEN_REFUSED_MODES = [...ID_TOKEN_MISBEHAVIOURS, "wrong_session"] as const;

/** The modes a spec tests on its own: accepted variants, own pages, the conformance spec's cases. */
type TestedOnItsOwn =
  | "none"
  | "access_denied"
  | "garbage"
  | "rotated_key"
  | "no_id_token"
  | "kid_absent_single"
  | "kid_absent_several"
  | "unparseable_key"
  | "rotated_key_no_kid"
  | "token_server_error"
  | "userinfo_server_error";

/**
 * Every sandbox mode is refused by the lists above or tested on its own: a mode added to the
 * sandbox, or dropped from one of its groups, fails the typecheck here instead of going untested.
 */
export const EVERY_MODE_TESTED: [
  Exclude<
    Misbehaviour,
    (typeof REFUSED_MODES)[number] | (typeof IDTOKEN_REFUSED_MODES)[number] | TestedOnItsOwn
  >,
] extends [never]
  ? true
  : never = true;

export const VERIFY_TITLE = "The identity provider's answer could not be verified";
export const PROVIDER_ERROR_TITLE = "The identity provider answered something unexpected";
export const ISSUER_MISMATCH_TITLE = "The identity provider's settings could not be trusted";

/** The sandbox providers with a misbehaviour switch, by their path prefix. */
export type MisbehavingProvider = SandboxProvider;

/** Sets one client's (for IDToken: one service's) mode through the kit's sandbox client. */
export async function misbehave(
  request: APIRequestContext,
  provider: MisbehavingProvider,
  clientId: string,
  mode: Misbehaviour,
) {
  await sandboxFor(request)[provider].misbehave(clientId, mode);
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
  let stop = async () => {};
  test.beforeAll(async () => {
    ({ stop } = await startPortal(port, { SANDBOX_URL, ...env }));
  });
  test.afterAll(async ({ request }) => {
    if (client) await misbehave(request, client.provider, client.clientId, "none");
    await stop();
  });
  return {
    url: `http://localhost:${port}`,
    misbehave: (request: APIRequestContext, mode: Misbehaviour) => {
      if (!client) throw new Error("this lab portal has no client to misbehave for");
      return misbehave(request, client.provider, client.clientId, mode);
    },
  };
}

/** Where each OpenID provider's client id and secret go in the portal's configuration. */
const CLIENT_VARIABLES = {
  digidentity: ["DIGIDENTITY_CLIENT_ID", "DIGIDENTITY_CLIENT_SECRET"],
  signicat: ["SIGNICAT_CLIENT_ID", "SIGNICAT_CLIENT_SECRET"],
  idura: ["IDURA_CLIENT_ID", "IDURA_CLIENT_SECRET"],
} as const;

/**
 * A lab portal (see `labPortal`) that logs in as `client`, another client of the provider's
 * sandbox, and sets that client's mode; `env` adds the portal's own further settings.
 */
export function clientLabPortal(
  provider: keyof typeof CLIENT_VARIABLES,
  port: number,
  client: { id: string; secret: string },
  env: Record<string, string> = {},
) {
  const [idVariable, secretVariable] = CLIENT_VARIABLES[provider];
  return labPortal(
    port,
    { [idVariable]: client.id, [secretVariable]: client.secret, ...env },
    { provider, clientId: client.id },
  );
}

type LabPortal = ReturnType<typeof labPortal>;
type Refusal = ReturnType<typeof watchRefusal>;

/** What a flow's steps get: the test's page and the page objects of a login through a lab portal. */
export type FlowFixtures = { page: Page } & Pick<
  SuiteFixtures,
  "loginPage" | "accountPage" | "idTokenLoginPage" | "iduraLoginForm" | "mitidChoices" | "mitidScreens"
>;

/** A test whose body gets the flow's fixtures (lazy, as every fixture) and the request context. */
function flowTest(
  title: string,
  body: (fixtures: FlowFixtures, request: APIRequestContext) => Promise<void>,
) {
  test(
    title,
    async ({
      page,
      request,
      loginPage,
      accountPage,
      idTokenLoginPage,
      iduraLoginForm,
      mitidChoices,
      mitidScreens,
    }) =>
      body(
        { page, loginPage, accountPage, idTokenLoginPage, iduraLoginForm, mitidChoices, mitidScreens },
        request,
      ),
  );
}

/**
 * The tests every lab spec declares for its login: a well-behaved answer logs in; each mode in
 * `modes` is refused (on the error page as "could not be verified", unless `expectRefused` says
 * otherwise); a rotated signing key is picked up from the JWKS and accepted. With `provider`
 * (an OpenID provider's name), access_denied and a garbage token endpoint get their own pages.
 */
export function refusalTests(
  lab: LabPortal,
  flow: {
    name: string;
    modes: readonly Misbehaviour[];
    login: (fixtures: FlowFixtures) => Promise<void>;
    expectLoggedIn: (fixtures: FlowFixtures) => Promise<void>;
    expectRefused?: (refusal: Refusal, fixtures: FlowFixtures) => Promise<void>;
    provider?: string;
  },
) {
  const expectRefused =
    flow.expectRefused ?? ((refusal: Refusal) => refusal.onErrorPage("id_token_invalid", VERIFY_TITLE));

  flowTest(`${flow.name}: a well-behaved answer logs in (the lab portal works)`, async (f, request) => {
    await lab.misbehave(request, "none");
    await flow.login(f);
    await flow.expectLoggedIn(f);
  });

  for (const mode of flow.modes) {
    flowTest(`${flow.name}: ${mode} is refused`, async (f, request) => {
      const { page } = f;
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await flow.login(f);
      await expectRefused(refusal, f);
    });
  }

  const provider = flow.provider;
  if (provider) {
    flowTest(`${flow.name}: access_denied has its own page, naming ${provider}`, async (f, request) => {
      const { page } = f;
      await lab.misbehave(request, "access_denied");
      const refusal = watchRefusal(page, lab.url);
      await flow.login(f);
      await refusal.onErrorPage("access_denied", `${provider} did not grant access`);
    });

    flowTest(`${flow.name}: a token endpoint answering garbage`, async (f, request) => {
      const { page } = f;
      await lab.misbehave(request, "garbage");
      const refusal = watchRefusal(page, lab.url);
      await flow.login(f);
      await refusal.onErrorPage("provider_error", PROVIDER_ERROR_TITLE);
      await expect(page.getByText(`The answer from ${provider} could not be understood`)).toBeVisible();
    });
  }

  flowTest(
    `${flow.name}: a rotated signing key is picked up from the JWKS and accepted`,
    async (f, request) => {
      const { page } = f;
      // Logged in once with the old key, so the portal holds the JWKS without the new one.
      await lab.misbehave(request, "none");
      await flow.login(f);
      await flow.expectLoggedIn(f);
      await page.context().clearCookies();
      await lab.misbehave(request, "rotated_key");
      await flow.login(f);
      await flow.expectLoggedIn(f);
    },
  );
}
