import { html, raw } from "hono/html";
import QRCode from "qrcode";
import type { SandboxConfig } from "./config";
import { SANDBOX_PROVIDERS } from "./providers";
import { t } from "./shared/i18n";
import { page, type Html } from "./shared/layout";
import type { SandboxProvider } from "./shared/provider";

/** A phone cannot reach these: the QR still shows, with a word on SANDBOX_PUBLIC_URL. */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

/**
 * "Scan with your phone": the home page at the address QR codes use, so a vendor opens it on a
 * real phone and reaches the phone pages from there. Drawn on the server as SVG (the pages run
 * no script), from our own URL only, so the markup can go in unescaped.
 */
async function phoneHint(config: SandboxConfig): Promise<Html> {
  const homeUrl = `${config.publicUrl}/`;
  const svg = await QRCode.toString(homeUrl, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return html`<section class="card" aria-labelledby="phone-heading">
    <h2 id="phone-heading">${t("home.phone.heading")}</h2>
    <div class="qr" role="img" aria-label="${t("home.phone.qrAlt", { url: homeUrl })}" data-testid="home-qr">
      ${raw(svg)}
    </div>
    <p>
      ${t("home.phone.openOnPhone")}
      <a href="${homeUrl}" data-testid="home-public-url"><code>${homeUrl}</code></a>
    </p>
    ${
      isLoopback(config.publicUrl)
        ? html`<p class="alert" data-testid="home-loopback-warning">${t("home.phone.loopback")}</p>`
        : ""
    }
    <p class="muted">${t("home.phone.where")}</p>
    <ul>
      ${SANDBOX_PROVIDERS.map((provider) => html`<li>${t(provider.phoneHint)}</li>`)}
    </ul>
  </section>`;
}

export async function homePage(config: SandboxConfig, providers: readonly SandboxProvider[]): Promise<Html> {
  return page(
    t("home.title"),
    html`<div class="card">
        <span class="badge">${t("home.badge")}</span>
        <h1>${t("home.title")}</h1>
        <p>${t("home.intro")}</p>
        <p>
          ${t("home.health")} <code>${config.issuerBase}/health</code><br />
          ${t("home.qrTarget")} <code>${config.publicUrl}</code>. ${t("home.qrTargetHint")}
        </p>
        <p>${t("home.personasHint")}</p>
        <nav aria-label="${t("home.providersNav")}">
          <ul>
            ${providers.map(
              (provider) =>
                html`<li><a href="#provider-${provider.prefix.slice(1)}">${provider.name}</a></li>`,
            )}
          </ul>
        </nav>
      </div>
      ${await phoneHint(config)}
      ${providers.map(
        (provider) =>
          html`<div id="provider-${provider.prefix.slice(1)}">
            ${typeof provider.homeSection === "function" ? provider.homeSection() : provider.homeSection}
          </div>`,
      )}`,
  );
}
