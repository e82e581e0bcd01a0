"use client";

import { QRCodeSVG } from "qrcode.react";

/** What to do on the phone, in order. */
export function PhoneSteps({ steps }: { steps: readonly string[] }) {
  return (
    <ol className="list-decimal space-y-1 self-stretch pl-5 text-slate-700">
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}

/**
 * The QR code a phone app scans, framed, as an image named `label`. `level`: the error
 * correction the provider's app expects (an animated code changes too fast for a high one).
 */
export function DeviceQr({
  value,
  label,
  level,
  testId,
}: {
  value: string;
  label: string;
  level: "L" | "M";
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-2">
      <QRCodeSVG
        value={value}
        size={240}
        marginSize={4}
        level={level}
        role="img"
        aria-label={label}
        data-testid={testId}
      />
    </div>
  );
}
