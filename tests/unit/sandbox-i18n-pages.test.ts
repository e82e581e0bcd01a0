import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Hono } from "hono";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

/**
 * Every sandbox page, reached the way a browser reaches it, in each language: the heading must be
 * the known translation, word for word, `<html lang>` must follow, and no message key may show.
 */

type Language = "en" | "nl" | "da";
const LANGUAGES: readonly Language[] = ["en", "nl", "da"];

/** The h1 of each page in English, Dutch and Danish, written out so a copied English file fails. */
const HEADINGS = {
  home: ["eID provider sandbox", "Sandbox voor eID-aanbieders", "Sandkasse for eID-udbydere"],
  digidentityLogin: ["Log in to Digidentity", "Inloggen bij Digidentity", "Log ind hos Digidentity"],
  digidentityCannotLogIn: ["Cannot log in", "Inloggen lukt niet", "Kan ikke logge ind"],
  digidentityPhone: ["Digidentity app (sandbox)", "Digidentity-app (sandbox)", "Digidentity-app (sandkasse)"],
  digidentityApproved: ["Login approved", "Inloggen goedgekeurd", "Login godkendt"],
  digidentityRefused: ["Login refused", "Inloggen geweigerd", "Login nægtet"],
  digidentityDeclined: ["Login declined", "Inloggen afgewezen", "Login afvist"],
  digidentityAnswered: ["Already answered", "Al beantwoord", "Allerede besvaret"],
  digidentityQrExpired: ["This QR code has expired", "Deze QR-code is verlopen", "Denne QR-kode er udløbet"],
  mitidUserId: ["MitID log on", "Aanmelden met MitID", "Log på med MitID"],
  mitidMethod: ["Choose how to approve", "Kies hoe je goedkeurt", "Vælg, hvordan du godkender"],
  mitidApp: ["Approve in the MitID app", "Goedkeuren in de MitID-app", "Godkend i MitID app"],
  mitidPassword: [
    "Enter your MitID password",
    "Voer je MitID-wachtwoord in",
    "Indtast din MitID-adgangskode",
  ],
  mitidOtp: [
    "Enter the code from your code display",
    "Voer de code van je codedisplay in",
    "Indtast koden fra din kodeviser",
  ],
  mitidCpr: ["Confirm your CPR number", "Bevestig je CPR-nummer", "Bekræft dit CPR-nummer"],
  mitidPickBusiness: [
    "Choose your business identity",
    "Kies je zakelijke identiteit",
    "Vælg din erhvervsidentitet",
  ],
  mitidPickCompany: ["Choose who you act for", "Kies voor wie je optreedt", "Vælg, hvem du handler for"],
  mitidPsd2Failed: ["Log on failed", "Aanmelden mislukt", "Log på mislykkedes"],
  mitidCannotLogOn: ["Cannot log on", "Aanmelden lukt niet", "Kan ikke logge på"],
  idtokenNone: ["No login requests", "Geen inlogverzoeken", "Ingen loginanmodninger"],
  idtokenPhone: ["IDToken app (sandbox)", "IDToken-app (sandbox)", "IDToken-app (sandkasse)"],
  idtokenApproved: ["Login approved", "Inloggen goedgekeurd", "Login godkendt"],
  idtokenRejected: ["Login rejected", "Inloggen afgewezen", "Login afvist"],
  idtokenTooMany: ["Too many attempts", "Te veel pogingen", "For mange forsøg"],
  idtokenExpired: ["This request has expired", "Dit verzoek is verlopen", "Denne anmodning er udløbet"],
  idtokenNotFound: ["Request not found", "Verzoek niet gevonden", "Anmodningen blev ikke fundet"],
  idtokenAnswered: ["Already answered", "Al beantwoord", "Allerede besvaret"],
  iduraLogin: [
    "Log in with MitID (substantial)",
    "Inloggen met MitID (substantieel)",
    "Log ind med MitID (betydelig)",
  ],
  iduraCannotLogIn: ["Cannot log in", "Inloggen lukt niet", "Kan ikke logge ind"],
  iduraExpired: ["This login has expired", "Deze login is verlopen", "Dette login er udløbet"],
  iduraBankId: ["BankID app (sandbox)", "BankID-app (sandbox)", "BankID-app (sandkasse)"],
  iduraConfirm: ["Identify yourself", "Identificeer jezelf", "Identificer dig"],
  iduraIdentified: ["Identified", "Geïdentificeerd", "Identificeret"],
  iduraCancelled: ["Cancelled", "Geannuleerd", "Annulleret"],
  iduraCannotIdentify: ["Cannot identify", "Identificeren lukt niet", "Kan ikke identificere"],
  iduraEnded: ["This request has ended", "Dit verzoek is beëindigd", "Denne anmodning er afsluttet"],
} as const satisfies Record<string, readonly [string, string, string]>;

type PageName = keyof typeof HEADINGS;

const ACCEPT_LANGUAGE: Record<Language, string> = {
  en: "en-GB,en;q=0.9",
  nl: "nl-NL,nl;q=0.9,en;q=0.5",
  da: "da-DK,da;q=0.9,en;q=0.5",
};

const NAMESPACES = ["layout", "home", "misbehaviour", "digidentity", "signicat", "idtoken", "idura"];
const RAW_KEY = new RegExp(`\\b(${NAMESPACES.join("|")})\\.[A-Za-z_-]+`);

const dir = mkdtempSync(path.join(tmpdir(), "sandbox-i18n-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let app: Hono;
let clock = Date.now();
before(async () => {
  app = await createSandboxApp(
    parseSandboxConfig({ SANDBOX_SIGNICAT_CPR_CACHE_FILE: path.join(dir, "cpr-cache.json") }),
    { now: () => clock },
  );
});

const seen = new Set<PageName>();

function decode(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

/** Asserts the page is the expected one in `language`; answers its HTML for the next step. */
async function expectPage(response: Response, language: Language, name: PageName, status = 200) {
  const html = await response.text();
  assert.equal(response.status, status, `${name} (${language}): status; ${html.slice(0, 300)}`);
  const heading = /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
  assert.equal(decode(heading ?? ""), HEADINGS[name][LANGUAGES.indexOf(language)], `${name} (${language})`);
  assert.match(html, new RegExp(`<html lang="${language}">`), `${name} (${language}): <html lang>`);
  const text = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
  assert.doesNotMatch(text, RAW_KEY, `${name} (${language}) shows a message key`);
  seen.add(name);
  return html;
}

function get(url: string, language: Language, headers: Record<string, string> = {}) {
  return app.request(url, { headers: { "Accept-Language": ACCEPT_LANGUAGE[language], ...headers } });
}

function post(url: string, language: Language, body: Record<string, string | string[]>, json = false) {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) for (const v of [value].flat()) form.append(key, v);
  return app.request(url, {
    method: "POST",
    headers: {
      "Accept-Language": ACCEPT_LANGUAGE[language],
      "Content-Type": json ? "application/json" : "application/x-www-form-urlencoded",
    },
    body: json ? JSON.stringify(body) : form.toString(),
  });
}

function field(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  assert.ok(value, `the page has a ${name} field`);
  return value;
}

const challenge = () =>
  createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");

describe("every sandbox page in English, Dutch and Danish", () => {
  for (const language of LANGUAGES) {
    it(`home page (${language})`, async () => {
      const html = await expectPage(await get("/", language), language, "home");
      assert.match(html, /data-testid="home-qr"[\s\S]*?<svg/);
    });

    it(`Digidentity pages (${language})`, async () => {
      const query = new URLSearchParams({
        client_id: "rmi-portal-demo",
        redirect_uri: "http://localhost:3000/api/auth/callback/digidentity",
        response_type: "code",
        scope: "sandbox0product1 openid sermi",
        state: "s",
      });
      const login = await expectPage(
        await get(`/digidentity/oauth2/authorize?${query}`, language),
        language,
        "digidentityLogin",
      );
      const wrongPin = await expectPage(
        await post("/digidentity/oauth2/authorize", language, {
          tx: field(login, "tx"),
          action: "login",
          persona: "ioe",
          pin: "00000",
        }),
        language,
        "digidentityLogin",
        400,
      );
      assert.match(wrongPin, /role="alert"/);
      await expectPage(
        await get("/digidentity/oauth2/authorize", language),
        language,
        "digidentityCannotLogIn",
        400,
      );

      const startQr = async () => {
        const started = await app.request(
          `/digidentity/oauth2/authorize.json?${new URLSearchParams({ client_id: "rmi-portal-demo", scope: "sandbox0product1 openid sermi", response_type: "code" })}`,
        );
        const body = (await started.json()) as { data: { attributes: { qr_code_uri: string } } };
        return new URL(body.data.attributes.qr_code_uri).pathname;
      };
      const approved = await startQr();
      await expectPage(await get(approved, language), language, "digidentityPhone");
      await expectPage(
        await post(approved, language, { action: "approve", persona: "ioe", pin: "12345" }),
        language,
        "digidentityApproved",
      );
      await expectPage(await get(approved, language), language, "digidentityAnswered");
      const refused = await startQr();
      await expectPage(
        await post(refused, language, { action: "approve", persona: "revoked", pin: "12345" }),
        language,
        "digidentityRefused",
        403,
      );
      const declined = await startQr();
      await expectPage(
        await post(declined, language, { action: "decline" }),
        language,
        "digidentityDeclined",
      );
      await expectPage(
        await get(`/digidentity/app/qr/${"A".repeat(22)}`, language),
        language,
        "digidentityQrExpired",
        404,
      );
    });

    it(`Signicat MitID pages (${language})`, async () => {
      const flow = async (scope: string) => {
        const query = new URLSearchParams({
          client_id: "rmi-portal-signicat",
          redirect_uri: "http://localhost:3000/api/auth/callback/signicat",
          response_type: "code",
          scope,
          state: "s",
          code_challenge: challenge(),
          code_challenge_method: "S256",
        });
        const first = await expectPage(
          await get(`/signicat/auth/open/connect/authorize?${query}`, language),
          language,
          "mitidUserId",
        );
        let tx = field(first, "tx");
        return async (step: string, fields: Record<string, string>, name: PageName, status = 200) => {
          const html = await expectPage(
            await post("/signicat/auth/open/connect/authorize", language, { tx, step, ...fields }),
            language,
            name,
            status,
          );
          tx = /name="tx" value="([^"]+)"/.exec(html)?.[1] ?? tx;
          return html;
        };
      };
      const cpr = await flow("openid nin");
      await cpr("userid", { action: "continue", userId: "nobody" }, "mitidUserId", 400);
      await cpr("userid", { action: "continue", userId: "peter.hansen" }, "mitidMethod");
      await cpr("method", { action: "codedisplay" }, "mitidPassword");
      await cpr("password", { action: "continue", password: "wrong" }, "mitidPassword", 400);
      await cpr("password", { action: "continue", password: "mitid-sandbox" }, "mitidOtp");
      await cpr("otp", { action: "continue", otp: "246810" }, "mitidCpr");
      const miss = await cpr("cpr", { action: "continue", cpr: "010101-0101" }, "mitidCpr", 400);
      assert.match(miss, /role="alert"/);

      const business = await flow("openid mitid.business");
      await business("userid", { action: "continue", userId: "erik.hansen" }, "mitidMethod");
      await business("method", { action: "app" }, "mitidApp");
      await business("app", { action: "pin", pin: "123456" }, "mitidPickBusiness");

      const company = await flow("openid signicat.organization");
      await company("userid", { action: "continue", userId: "helle.jensen" }, "mitidMethod");
      await company("method", { action: "app" }, "mitidApp");
      await company("app", { action: "biometrics" }, "mitidPickCompany");

      const psd2 = { client_id: "rmi-portal-signicat", psd2: true } as unknown as Record<string, string>;
      assert.equal((await post("/signicat/control/psd2", language, psd2, true)).status, 200);
      const failed = await flow("openid");
      await failed("userid", { action: "continue", userId: "peter.hansen" }, "mitidMethod");
      await failed("method", { action: "app" }, "mitidApp");
      await failed("app", { action: "pin", pin: "000000" }, "mitidPsd2Failed", 400);
      await app.request("/signicat/control/reset", { method: "POST" });

      await expectPage(
        await get("/signicat/auth/open/connect/authorize", language),
        language,
        "mitidCannotLogOn",
        400,
      );
    });

    it(`IDToken phone pages (${language})`, async () => {
      const phone = "/idtoken/app/IDT-MARIE-DUPONT";
      const wrongPin = { decision: "approve", pin: "00000", scope: "identity:name" };
      const rightPin = { ...wrongPin, pin: "12345" };
      await app.request("/idtoken/control/reset", { method: "POST" });
      await expectPage(await get(phone, language), language, "idtokenNone");
      /** Starts a login as the portal does and answers where the phone page's form posts. */
      const pending = async (): Promise<string> => {
        const body = { tokenId: "IDT-MARIE-DUPONT", serviceId: "rmi-portal-demo" };
        assert.equal((await post("/idtoken/auth/initiate", language, body, true)).status, 200);
        const page = await expectPage(await get(phone, language), language, "idtokenPhone");
        return /<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? "";
      };

      const action = await pending();
      await expectPage(await post(action, language, wrongPin), language, "idtokenPhone", 401);
      await expectPage(await post(action, language, rightPin), language, "idtokenApproved");
      await expectPage(await post(action, language, rightPin), language, "idtokenAnswered", 409);

      await expectPage(
        await post(await pending(), language, { decision: "reject" }),
        language,
        "idtokenRejected",
      );

      const tooMany = await pending();
      await post(tooMany, language, wrongPin);
      await post(tooMany, language, wrongPin);
      await expectPage(await post(tooMany, language, wrongPin), language, "idtokenTooMany", 403);

      const late = await pending();
      clock += 10 * 60_000;
      await expectPage(await post(late, language, rightPin), language, "idtokenExpired", 410);
      clock = Date.now();

      await expectPage(
        await post(`${phone}/sessions/none`, language, { decision: "approve" }),
        language,
        "idtokenNotFound",
        404,
      );
    });

    it(`Idura pages (${language})`, async () => {
      const query = new URLSearchParams({
        client_id: "rmi-portal-idura",
        redirect_uri: "http://localhost:3000/api/auth/callback/idura",
        response_type: "code",
        scope: "openid",
        acr_values: "urn:grn:authn:dk:mitid:substantial",
        state: "s",
        code_challenge: challenge(),
        code_challenge_method: "S256",
      });
      const login = await expectPage(
        await get(`/idura/oauth2/authorize?${query}`, language),
        language,
        "iduraLogin",
      );
      await expectPage(
        await post("/idura/oauth2/authorize", language, {
          tx: field(login, "tx"),
          action: "login",
          persona: "ola",
        }),
        language,
        "iduraCannotLogIn",
        400,
      );
      await expectPage(await get("/idura/oauth2/authorize", language), language, "iduraCannotLogIn", 400);
      await expectPage(
        await post("/idura/oauth2/authorize", language, { tx: "gone", action: "login", persona: "karen" }),
        language,
        "iduraExpired",
        400,
      );

      await expectPage(await get("/idura/app/bankid", language), language, "iduraBankId");
      await expectPage(
        await post("/idura/app/bankid", language, { qr: "not a code" }),
        language,
        "iduraBankId",
        400,
      );
      const scan = async () => {
        const started = await app.request("/idura/headless/authorize", {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Authorization: `Basic ${Buffer.from("rmi-portal-idura:sandbox-idura-secret").toString("base64")}`,
          },
          body: "scope=openid",
        });
        const { acr_data } = (await started.json()) as { acr_data: { qrData: string } };
        return field(
          await expectPage(
            await post("/idura/app/bankid", language, { qr: acr_data.qrData }),
            language,
            "iduraConfirm",
          ),
          "scan",
        );
      };
      await expectPage(
        await post("/idura/app/bankid/confirm", language, {
          scan: await scan(),
          action: "identify",
          persona: "astrid",
        }),
        language,
        "iduraIdentified",
      );
      await expectPage(
        await post("/idura/app/bankid/confirm", language, { scan: await scan(), action: "cancel" }),
        language,
        "iduraCancelled",
      );
      await expectPage(
        await post("/idura/app/bankid/confirm", language, {
          scan: await scan(),
          action: "identify",
          persona: "karen",
        }),
        language,
        "iduraCannotIdentify",
        400,
      );
      await expectPage(
        await post("/idura/app/bankid/confirm", language, { scan: "gone", action: "identify" }),
        language,
        "iduraEnded",
        410,
      );
    });
  }

  it("reached every page in the table", () => {
    assert.deepEqual([...seen].sort(), Object.keys(HEADINGS).sort());
  });
});

describe("how the sandbox picks a language", () => {
  it("?lang= wins and is remembered in a cookie; Accept-Language alone sets no cookie", async () => {
    const chosen = await get("/?lang=nl", "da");
    assert.match(await chosen.text(), /<html lang="nl">/);
    const cookie = chosen.headers.get("set-cookie") ?? "";
    assert.match(cookie, /^sandbox_lang=nl;/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);

    const remembered = await get("/", "da", { Cookie: "sandbox_lang=nl" });
    assert.match(await remembered.text(), /<html lang="nl">/);

    const followed = await get("/", "da");
    assert.match(await followed.text(), /<html lang="da">/);
    assert.equal(followed.headers.get("set-cookie"), null);

    const unsupported = await app.request("/", { headers: { "Accept-Language": "sv-SE,de;q=0.8" } });
    assert.match(await unsupported.text(), /<html lang="en">/);
  });

  it("the switcher reloads a GET page with its query, and stores the choice with 204 from a form's answer", async () => {
    const home = await get("/?lang=da", "en");
    assert.match(await home.text(), /<a\s+href="\/\?lang=nl"\s+lang="nl"\s+hreflang="nl"\s*>Nederlands<\/a/);

    const answer = await post("/idura/app/bankid", "nl", { qr: "not a code" });
    const html = await answer.text();
    assert.match(html, /href="\/language\?lang=da"/);
    assert.match(html, /De volgende pagina volgt je keuze\./);

    const stored = await app.request("/language?lang=da");
    assert.equal(stored.status, 204);
    assert.match(stored.headers.get("set-cookie") ?? "", /^sandbox_lang=da;/);
    const refused = await app.request("/language?lang=sv");
    assert.equal(refused.status, 400);
    assert.deepEqual(await refused.json(), {
      error: "invalid_request",
      message: "lang must be one of: en, nl, da",
    });
  });

  it("machine-facing JSON stays English whatever the language", async () => {
    const missing = await get("/nowhere", "da");
    assert.deepEqual(await missing.json(), { error: "not_found", message: "no route for GET /nowhere" });
    const token = await post("/digidentity/oauth2/token", "nl", { grant_type: "authorization_code" });
    const body = (await token.json()) as { error: string };
    assert.equal(body.error, "invalid_client");
  });

  it("the IDToken phone page says when the request expires, in the phone's language", async () => {
    await app.request("/idtoken/control/reset", { method: "POST" });
    await post(
      "/idtoken/auth/initiate",
      "da",
      { tokenId: "IDT-LUKAS-JANSEN", serviceId: "rmi-portal-demo" },
      true,
    );
    const html = await (await get("/idtoken/app/IDT-LUKAS-JANSEN", "da")).text();
    assert.match(
      html,
      /data-testid="phone-expires">\s*Denne anmodning udløber om 1 minut \(kl\. \d{2}[.:]\d{2}[.:]\d{2}\)\./,
    );
    const dutch = await (await get("/idtoken/app/IDT-LUKAS-JANSEN", "nl")).text();
    assert.match(dutch, /Dit verzoek verloopt over 1 minuut \(om \d{2}:\d{2}:\d{2}\)\./);
  });
});
