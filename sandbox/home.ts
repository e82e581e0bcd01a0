import { html } from "hono/html";
import type { SandboxConfig } from "./config";
import { page, type Html } from "./shared/layout";
import type { SandboxProvider } from "./shared/provider";

export function homePage(config: SandboxConfig, providers: readonly SandboxProvider[]): Html {
  return page(
    "eID provider sandbox",
    html`<div class="card">
        <span class="badge">Sandbox</span>
        <h1>eID provider sandbox</h1>
        <p>
          A local stand-in for the identity providers the RMI portal talks to. It speaks their APIs over HTTP
          with test personas, so the portal can be demoed and tested without real credentials. Nothing here is
          a real identity.
        </p>
        <p>
          Health: <code>${config.issuerBase}/health</code><br />
          QR codes point to <code>${config.publicUrl}</code>; set <code>SANDBOX_PUBLIC_URL</code> to this
          machine's LAN address so a phone can open them.
        </p>
      </div>
      ${providers.map((provider) =>
        typeof provider.homeSection === "function" ? provider.homeSection() : provider.homeSection,
      )}`,
  );
}
