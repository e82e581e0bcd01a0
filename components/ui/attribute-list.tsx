import type { ReactNode } from "react";

import { Card } from "./card";

/** One attribute of a login, a person or a document: what it is, what it means, and its value. */
export type Attribute = {
  label: string;
  help: string;
  value: ReactNode;
  testId: string;
  /** Set in a monospaced font and broken anywhere (identifiers); false: prose. */
  mono?: boolean;
};

/** Attributes in order; `false`, `""`, `null` or `undefined` stand for one the provider did not give. */
export type Attributes = readonly (Attribute | false | "" | null | undefined)[];

function AttributeRow({ label, help, value, testId, mono = true }: Attribute) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="block text-slate-500">{help}</span>
      </dt>
      <dd
        className={`text-sm sm:col-span-2 ${mono ? "break-all font-mono" : "break-words"}`}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

/** A definition list of attributes, each with its help text. */
export function AttributeList({ attributes }: { attributes: Attributes }) {
  return (
    <dl className="mt-2 divide-y divide-slate-100">
      {attributes.map((a) => (a ? <AttributeRow key={a.testId} {...a} /> : null))}
    </dl>
  );
}

/** A card of attributes under a heading (`id` labels the section). */
export function AttributeSection({
  id,
  title,
  attributes,
}: {
  id: string;
  title: string;
  attributes: Attributes;
}) {
  return (
    <Card as="section" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <AttributeList attributes={attributes} />
    </Card>
  );
}
