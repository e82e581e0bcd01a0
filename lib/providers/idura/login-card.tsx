import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { ButtonLook } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PendingLink } from "@/components/ui/pending-link";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LoginCardProps } from "@/lib/providers/types";

import { loginWithIdura } from "./actions";
import type { IduraLoginEid } from "./web";

/**
 * MitID's call to action: its blue with white text, lightly rounded (docs/providers/idura.md,
 * MITID-UX: the rules of docs/providers/signicat.md, "Buttons", apply to Idura's MitID button too).
 */
const MITID_BUTTON = {
  brand:
    "inline-block rounded bg-[#0060e6] px-4 py-2.5 text-center font-medium text-white hover:bg-[#004fc0] disabled:cursor-wait disabled:opacity-70",
};

type Translate = Awaited<ReturnType<typeof getTranslations<"Login">>>;
type EidName = Awaited<ReturnType<typeof getTranslations<"Eid">>>;

/** One eID's button, in a form of its own so only the pressed one says it is working. */
function EidButton({
  eid,
  variant,
  t,
  name,
}: {
  eid: IduraLoginEid;
  variant: ButtonLook;
  t: Translate;
  name: EidName;
}) {
  return (
    <form action={loginWithIdura}>
      <SubmitButton name="eid" value={eid} variant={variant} className="w-full">
        {t("iduraButton", { eid: name(eid) })}
      </SubmitButton>
    </form>
  );
}

/**
 * Idura's MitID and MitID Business. Beside another route to MitID (Signicat) it says what this
 * one is: the same MitID, with nothing to type on the portal.
 */
export async function IduraMitidCard({ alongside }: LoginCardProps) {
  const t = await getTranslations("Login");
  const eid = await getTranslations("Eid");
  return (
    <Card as="section" aria-labelledby="idura-mitid" className="md:col-span-2">
      <h3 id="idura-mitid" className="text-lg font-semibold">
        {alongside ? t("iduraMitidHeadingAlongside") : t("iduraMitidHeading")}
      </h3>
      <p className="mt-2 text-sm text-slate-600">
        {alongside ? t("iduraMitidBodyAlongside") : t("iduraMitidBody")}
      </p>
      <div className="mt-6 grid gap-2 sm:grid-cols-2">
        <EidButton eid="dk-mitid" variant={MITID_BUTTON} t={t} name={eid} />
        <EidButton eid="dk-mitid-business" variant="secondary" t={t} name={eid} />
      </div>
    </Card>
  );
}

/**
 * Swedish and Norwegian BankID through Idura, and the headless BankID page with its animated QR
 * code. A phone cannot scan its own screen, so there BankID on this device comes first and the
 * QR code last.
 */
export async function IduraBankIdCard({ device }: LoginCardProps) {
  const t = await getTranslations("Login");
  const eid = await getTranslations("Eid");
  const qrPage = (
    <PendingLink key="qr" href="/login/bankid" className="block w-full">
      {t("bankIdQrLink")}
    </PendingLink>
  );
  const button = (key: IduraLoginEid) => (
    <EidButton key={key} eid={key} variant="secondary" t={t} name={eid} />
  );
  const choices =
    device === "phone"
      ? [button("se-bankid-same-device"), button("no-bankid"), button("se-bankid-another-device"), qrPage]
      : [button("se-bankid-same-device"), button("se-bankid-another-device"), qrPage, button("no-bankid")];
  return (
    <Card as="section" aria-labelledby="idura-bankid" className="md:col-span-2">
      <h3 id="idura-bankid" className="text-lg font-semibold">
        {t("iduraBankIdHeading")}
      </h3>
      <p className="mt-2 text-sm text-slate-600">{t("iduraBankIdBody")}</p>
      <div className="mt-6 grid gap-2 sm:grid-cols-2">{choices}</div>
    </Card>
  );
}

/** The call-centre page, for agents of a deployment that has Idura, and for no one else. */
export async function IduraAccountLinks({ callCentreAgent }: { callCentreAgent: boolean }) {
  if (!callCentreAgent) return null;
  const t = await getTranslations("Account");
  return (
    <p className="text-sm">
      <Link href="/agent/verify" className="text-brand-700 underline underline-offset-2">
        {t("agentLink")}
      </Link>
    </p>
  );
}
