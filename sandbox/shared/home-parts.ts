import { html } from "hono/html";
import type { Html } from "./layout";

// The pieces every provider's section of the sandbox home is made of (docs/sandbox.md), so the
// sections differ only in what they list.

/** `a, b, c` with each value set as code. */
export function codeList(values: readonly string[]): Html {
  return html`${values.map((value, i) => html`${i > 0 ? ", " : ""}<code>${value}</code>`)}`;
}

/** The personas table: a header row and one row of cells per persona. */
export function personaTable(headers: readonly (string | Html)[], rows: readonly (readonly Html[])[]): Html {
  return html`<table>
    <thead>
      <tr>
        ${headers.map((header) => html`<th scope="col">${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (cells) =>
          html`<tr>
            ${cells.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
