import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requireProviderSettings } from "@/lib/providers/settings";
import { signedInIdentity } from "@/lib/session";
import { logProviderFailure } from "@/lib/route-handler";
import { fetchIdentityReport, type IdentityReport } from "./report";

import { CalendarDate } from "@/components/account/fields";
import { AttributeSection } from "@/components/ui/attribute-list";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("report") };
}

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <Card data-testid="report-notice">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2 text-slate-700">{body}</p>
    </Card>
  );
}

/** The signed-in user's own identity report (docs/providers/digidentity.md), at /account/report. */
export default async function ReportPage() {
  const identity = await signedInIdentity();
  const digidentity = requireProviderSettings("digidentity");
  const t = await getTranslations("Report");
  const account = await getTranslations("Account");

  let report: IdentityReport | null | "unavailable" = null;
  if (identity.kind === "sermi" && identity.reportPseudonym && digidentity.report) {
    try {
      report = await fetchIdentityReport(digidentity, digidentity.report, identity.reportPseudonym);
    } catch (e) {
      logProviderFailure(e, "report_failed");
      report = "unavailable";
    }
  }

  return (
    <div className="space-y-8">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="mt-2 max-w-2xl text-slate-600">{t("intro")}</p>
      </div>
      {report === "unavailable" ? (
        <Notice title={t("unavailableTitle")} body={t("unavailableBody")} />
      ) : report === null ? (
        <Notice title={t("noneTitle")} body={t("noneBody")} />
      ) : (
        <>
          <div className="grid gap-6 md:grid-cols-[1fr_auto]">
            <AttributeSection
              id="personal-heading"
              title={t("personalHeading")}
              attributes={[
                {
                  label: account("name"),
                  help: t("nameHelp"),
                  value: `${report.personal_details.given_names} ${report.personal_details.surname}`,
                  testId: "report-name",
                  mono: false,
                },
                {
                  label: account("dateOfBirth"),
                  help: t("dateOfBirthHelp"),
                  value: <CalendarDate value={report.personal_details.date_of_birth} />,
                  testId: "report-dob",
                },
                {
                  label: t("nationality"),
                  help: t("countryCodeHelp"),
                  value: report.personal_details.nationality,
                  testId: "report-nationality",
                },
              ]}
            />
            {/* Fetched through the portal, which holds the application token. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src="/api/digidentity/report/photo"
              alt={t("photoAlt")}
              width={180}
              height={225}
              className="rounded-lg border border-slate-200"
            />
          </div>
          <AttributeSection
            id="document-heading"
            title={t("documentHeading")}
            attributes={[
              {
                label: t("documentType"),
                help: t("documentTypeHelp"),
                value: t("documentTypeName", { type: report.document.type }),
                testId: "report-document-type",
                mono: false,
              },
              {
                label: t("documentNumber"),
                help: t("documentNumberHelp"),
                value: report.document.number,
                testId: "report-document-number",
              },
              {
                label: t("issuedBy"),
                help: t("countryCodeHelp"),
                value: report.document.issuing_country,
                testId: "report-document-country",
              },
              {
                label: t("validUntil"),
                help: t("validUntilHelp"),
                value: <CalendarDate value={report.document.expiry_date} />,
                testId: "report-document-expiry",
              },
            ]}
          />
          <AttributeSection
            id="checks-heading"
            title={t("checksHeading")}
            attributes={report.checks.map((check) => ({
              label: t("check", { name: check.name }),
              help:
                check.score === undefined
                  ? t("checkResultHelp")
                  : t("checkScoreHelp", { score: check.score }),
              value: t("checkResult", { result: check.result }),
              testId: `report-check-${check.name}`,
              mono: false,
            }))}
          />
          <p className="text-sm text-slate-500">
            {t("madeAndKept", { created: new Date(report.created_at), expires: new Date(report.expires_at) })}
          </p>
        </>
      )}
    </div>
  );
}
