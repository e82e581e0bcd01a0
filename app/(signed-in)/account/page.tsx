import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { isCallCentreAgent } from "@/lib/call-centre";
import { enabledModules, moduleOfIdentityKind } from "@/lib/providers/registry";
import { signedInIdentity } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("account") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const { problem } = await searchParams;
  const identity = await signedInIdentity();
  const t = await getTranslations("Account");
  // Each kind of identity has its provider's view (lib/providers/<provider>/account-view.tsx).
  const [provider, modules] = await Promise.all([moduleOfIdentityKind(identity.kind), enabledModules()]);
  const callCentreAgent = isCallCentreAgent(identity);
  const AccountView = provider?.AccountView;
  const links = modules.flatMap(({ key, AccountLinks }) => (AccountLinks ? [{ key, AccountLinks }] : []));

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      {links.map(({ key, AccountLinks }) => (
        <AccountLinks key={key} callCentreAgent={callCentreAgent} />
      ))}
      {AccountView ? (
        <AccountView identity={identity} problem={typeof problem === "string" ? problem : undefined} />
      ) : null}
    </div>
  );
}
