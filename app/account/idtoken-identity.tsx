import type { IdTokenIdentity } from "@/lib/identity";

import { Field, LoginFields, Section } from "./fields";

/** What the IDToken holder chose to share on their phone; a claim not granted is not shown. */
export function IdTokenIdentityView({ identity }: { identity: IdTokenIdentity }) {
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        You are logged in with IDToken. The portal sees only what you chose to share in the app.
      </p>
      <Section id="login-heading" title="This login">
        <LoginFields provider="IDToken" loginAt={identity.loginAt} />
        <Field
          label="Token ID"
          help="Your IDToken credential"
          value={identity.subject}
          testId="idtoken-subject"
        />
        <Field
          label="Shared"
          help="The scopes you granted in the app"
          value={identity.grantedScopes.join(" ")}
          testId="idtoken-scopes"
        />
      </Section>
      <Section id="claims-heading" title="What you shared">
        {identity.name ? (
          <Field
            label="Name"
            help="identity:name"
            value={`${identity.name.given} ${identity.name.family}`}
            testId="idtoken-name"
            mono={false}
          />
        ) : null}
        {identity.dateOfBirth ? (
          <Field
            label="Date of birth"
            help="identity:date_of_birth"
            value={identity.dateOfBirth}
            testId="idtoken-date-of-birth"
          />
        ) : null}
        {identity.nationality ? (
          <Field
            label="Nationality"
            help="identity:nationality"
            value={identity.nationality}
            testId="idtoken-nationality"
          />
        ) : null}
        {identity.ageOver18 !== undefined ? (
          <Field
            label="Over 18"
            help="identity:age_over_18"
            value={identity.ageOver18 ? "Yes" : "No"}
            testId="idtoken-age-over-18"
            mono={false}
          />
        ) : null}
        {identity.document ? (
          <Field
            label="Identity document"
            help="identity:document"
            value={`${identity.document.type} ${identity.document.number}${identity.document.issuingCountry ? ` (${identity.document.issuingCountry})` : ""}`}
            testId="idtoken-document"
          />
        ) : null}
        {identity.trustLevel ? (
          <Field
            label="Trust level"
            help="identity:trust_level"
            value={identity.trustLevel}
            testId="idtoken-trust-level"
            mono={false}
          />
        ) : null}
      </Section>
    </>
  );
}
