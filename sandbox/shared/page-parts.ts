/**
 * The pieces every provider's pages are made of, besides the card (`cardPage`, ./layout.ts): a
 * labelled field, a set of choices and a row of buttons. Each provider's
 * pages.ts says only what is its own (its texts, its steps, its fields).
 */
import { html } from "hono/html";
import type { Html } from "./layout";

export type SubmitButton = {
  label: string;
  kind: "primary" | "secondary";
  /** The form field the button sends (`name=value`); none: the button sends nothing of its own. */
  name?: string;
  value?: string;
  /** Sent without the browser's checks (a cancel or decline need not fill in the form). */
  noValidate?: boolean;
};

function button(b: SubmitButton): Html {
  const field = b.name ? html` name="${b.name}" value="${b.value ?? ""}"` : "";
  return html`<button class="${b.kind}" type="submit" ${field}${b.noValidate ? html` formnovalidate` : ""}>
    ${b.label}
  </button>`;
}

/** A form's row of submit buttons. */
export function actions(...buttons: (SubmitButton | undefined | false)[]): Html {
  return html`<div class="actions">${buttons.filter((b): b is SubmitButton => !!b).map(button)}</div>`;
}

/** A labelled input (`input` is the element itself, its id `id`), with an optional hint below. */
export function field(id: string, label: string, input: Html, hint?: Html | string): Html {
  return html`<div class="field">
    <label for="${id}">${label}</label>
    ${input} ${hint === undefined ? "" : html`<p id="${id}-hint" class="muted">${hint}</p>`}
  </div>`;
}

export type Choice = { value: string; label: Html | string };

/** A group of radio buttons named `name`, each labelled; `checked`: the value chosen at first. */
export function radioChoices(
  legend: string,
  name: string,
  choices: readonly Choice[],
  checked?: string,
): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${choices.map(
      (choice) =>
        html`<div class="choice">
          <input
            type="radio"
            id="${name}-${choice.value}"
            name="${name}"
            value="${choice.value}"
            ${choice.value === checked ? html`checked` : ""}
          />
          <label for="${name}-${choice.value}">${choice.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/**
 * The PIN a sandbox app asks for, hidden as typed; `exact`: the browser insists on exactly
 * `length` digits before it sends the form.
 */
export function pinField(label: string, hint: Html | string, length: number, exact = false): Html {
  return field(
    "pin",
    label,
    html`<input
      id="pin"
      name="pin"
      type="password"
      inputmode="numeric"
      autocomplete="off"
      ${exact ? html`pattern="[0-9]{${length}}" minlength="${length}"` : ""}
      maxlength="${length}"
      ${exact ? html`required` : ""}
      aria-describedby="pin-hint"
    />`,
    hint,
  );
}
