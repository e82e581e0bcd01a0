import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { auth } from "@/auth";
import { getConfig } from "@/lib/config";
import { ProviderError } from "@/lib/oidc/http";
import { fetchIdentityReport, type IdentityReport } from "@/lib/providers/digidentity-report";

import { Field, Section } from "../fields";

export const metadata: Metadata = { title: "Identity verification report" };

const CHECK_LABELS: Record<string, string> = {
  document_authenticity: "Identity document is authentic",
  face_match: "Face matches the document photo",
  liveness: "A live person took part",
  sanctions_screening: "Sanctions and PEP screening",
};

const DOCUMENT_LABELS: Record<string, string> = {
  passport: "Passport",
  identity_card: "Identity card",
  driving_licence: "Driving licence",
};

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="report-notice">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2 text-slate-700">{body}</p>
    </div>
  );
}

export default async function ReportPage() {
  const session = await auth();
  const identity = session?.identity;
  if (!identity) redirect("/login");

  let report: IdentityReport | null | "unavailable" = null;
  if (identity.kind === "sermi" && identity.reportPseudonym) {
    try {
      report = await fetchIdentityReport(getConfig().digidentity, identity.reportPseudonym);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      report = "unavailable";
    }
  }

  return (
    <div className="space-y-8">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline underline-offset-2">
          Back to your account
        </Link>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Identity verification report</h1>
        <p className="mt-2 max-w-2xl text-slate-600">
          What Digidentity checked when it verified you. Digidentity keeps this report for 30 days.
        </p>
      </div>
      {report === "unavailable" ? (
        <Notice
          title="The report could not be fetched"
          body="Digidentity did not answer as expected. Try again in a few minutes."
        />
      ) : report === null ? (
        <Notice
          title="No report is available"
          body="Reports are available after a login with the Digidentity app (QR code), for 30 days. Log in with the QR code to see yours."
        />
      ) : (
        <>
          <div className="grid gap-6 md:grid-cols-[1fr_auto]">
            <Section id="personal-heading" title="Personal details">
              <Field
                label="Name"
                help="Given names and surname"
                value={`${report.personal_details.given_names} ${report.personal_details.surname}`}
                testId="report-name"
                mono={false}
              />
              <Field
                label="Date of birth"
                help="As on the document"
                value={report.personal_details.date_of_birth}
                testId="report-dob"
              />
              <Field
                label="Nationality"
                help="ISO 3166 country code"
                value={report.personal_details.nationality}
                testId="report-nationality"
              />
            </Section>
            {/* Fetched through the portal, which holds the application token. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src="/api/digidentity/report/photo"
              alt="Document photo"
              width={180}
              height={225}
              className="rounded-lg border border-slate-200"
            />
          </div>
          <Section id="document-heading" title="Identity document">
            <Field
              label="Type"
              help="The document that was checked"
              value={DOCUMENT_LABELS[report.document.type] ?? report.document.type}
              testId="report-document-type"
              mono={false}
            />
            <Field
              label="Number"
              help="Document number"
              value={report.document.number}
              testId="report-document-number"
            />
            <Field
              label="Issued by"
              help="ISO 3166 country code"
              value={report.document.issuing_country}
              testId="report-document-country"
            />
            <Field
              label="Valid until"
              help="Expiry date"
              value={report.document.expiry_date}
              testId="report-document-expiry"
            />
          </Section>
          <Section id="checks-heading" title="Checks">
            {report.checks.map((check) => (
              <Field
                key={check.name}
                label={CHECK_LABELS[check.name] ?? check.name}
                help={check.score === undefined ? "Result" : `Result (score ${check.score})`}
                value={
                  check.result === "passed"
                    ? "Passed"
                    : check.result === "failed"
                      ? "Failed"
                      : "Needs attention"
                }
                testId={`report-check-${check.name}`}
                mono={false}
              />
            ))}
          </Section>
          <p className="text-sm text-slate-500">
            Report made {report.created_at.slice(0, 10)}, kept until {report.expires_at.slice(0, 10)}.
          </p>
        </>
      )}
    </div>
  );
}
