import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentLanguage, languageLinks, pageIsFormAnswer, t } from "./i18n";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const styles = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:40rem;margin:0 auto;padding:1.25rem}
td code{white-space:nowrap}
.card{background:#fff;border:1px solid #d8dee6;border-radius:12px;padding:1.25rem;margin:1rem 0}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .75rem}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;letter-spacing:.02em;color:#7a4b00;background:#fff1d6;border:1px solid #f0c36d;border-radius:999px;padding:.1rem .6rem}
.muted{color:#57606a}
fieldset{border:0;padding:0;margin:0 0 1rem}
legend{font-weight:600;margin-bottom:.5rem}
.choice{display:flex;gap:.6rem;align-items:center;padding:.65rem .75rem;border:1px solid #d8dee6;border-radius:8px;margin:.4rem 0}
.choice input{width:1.25rem;height:1.25rem;margin:0;flex:none}
label{cursor:pointer}
.field label{display:block;font-weight:600;margin-bottom:.35rem}
.field input{width:100%;max-width:12rem;font-size:1.25rem;letter-spacing:.3em;padding:.55rem .7rem;border:1px solid #8c959f;border-radius:8px}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.25rem}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.55rem 1.4rem;border-radius:8px;border:1px solid #0b5cad;cursor:pointer}
button.primary{background:#0b5cad;color:#fff}
button.secondary{background:#fff;color:#0b5cad}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.alert{border-left:4px solid #c62828;background:#fdecea;color:#7f1d1d;padding:.6rem .8rem;border-radius:6px;margin:0 0 1rem}
.ok{border-left:4px solid #2e7d32;background:#e8f5e9;padding:.6rem .8rem;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #d8dee6}
.lang{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;justify-content:flex-end;font-size:.9rem}
.lang ul{display:flex;gap:.9rem;list-style:none;margin:0;padding:0}
.lang a{color:#0b5cad}
.lang a[aria-current]{font-weight:700;color:#1b1f24;text-decoration:none}
.qr svg{width:12rem;height:12rem;display:block}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f4;padding:.05rem .3rem;border-radius:4px;word-break:break-all}
`;

/** Links to the page in each language, on every page (see languageLinks for pages that answer a form). */
function languageSwitcher(): Html {
  return html`<nav class="lang" aria-label="${t("layout.languageNav")}">
    <ul>
      ${languageLinks().map(
        (link) =>
          html`<li>
            <a
              href="${link.href}"
              lang="${link.language}"
              hreflang="${link.language}"
              ${link.current ? html`aria-current="true"` : ""}
              >${link.name}</a
            >
          </li>`,
      )}
    </ul>
    ${pageIsFormAnswer() ? html`<span class="muted">${t("layout.languageFromNextPage")}</span>` : ""}
  </nav>`;
}

/** Full page; every interpolated value is escaped by hono/html (the constant stylesheet excepted). */
export function page(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="${currentLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${raw(styles)}
        </style>
      </head>
      <body>
        <main>${languageSwitcher()} ${body}</main>
      </body>
    </html>`;
}

/** A page of one card: the provider's badge, the heading (also the title, unless given) and the content. */
export function cardPage(badge: Html, heading: string, content: Html, title: string = heading): Html {
  return page(
    title,
    html`<div class="card">
      ${badge}
      <h1>${heading}</h1>
      ${content}
    </div>`,
  );
}

export function alert(message: string | undefined): Html | undefined {
  return message ? html`<p class="alert" role="alert">${message}</p>` : undefined;
}

/**
 * Sends an HTML page. Pages carry login state (transaction ids, QR ids, OAuth state) in their
 * URLs and forms, so they are never cached, never framed and never leak a Referer.
 */
export function sendPage(
  c: Context,
  content: Html,
  status: ContentfulStatusCode = 200,
): Response | Promise<Response> {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  c.header(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  );
  return c.html(content, status);
}

/**
 * A page with one heading and one message (results, refusals, errors), under the provider's
 * "not the real service" badge.
 */
export function messagePageWith(
  badge: Html,
  heading: string,
  message: string,
  tone: "ok" | "alert" | "plain" = "plain",
): Html {
  const body =
    tone === "ok"
      ? html`<p class="ok">${message}</p>`
      : tone === "alert"
        ? html`<p class="alert" role="alert">${message}</p>`
        : html`<p>${message}</p>`;
  return cardPage(badge, heading, body);
}
