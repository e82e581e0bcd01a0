import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";
import { SubmitButton } from "@/components/ui/submit-button";
import { moduleOfIdentityKind } from "@/lib/providers/registry";

import { logOut } from "./session-actions";

/** Who is signed in, and how, on every page; with the one way to sign out. */
export async function SessionHeader() {
  const identity = (await auth())?.identity;
  if (!identity) return null;
  const t = await getTranslations("Layout");
  const provider = await moduleOfIdentityKind(identity.kind);
  const name = provider?.personName?.(identity as never);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="session-header">
      <span>
        {name ? <span className="font-medium">{name} · </span> : null}
        <span className="text-brand-100">
          {t("signedInWith", { provider: provider?.displayName ?? "unknown" })}
        </span>
      </span>
      <form action={logOut}>
        <SubmitButton variant="quiet" data-testid="sign-out" className="!px-3 !py-1 text-slate-900">
          {t("signOut")}
        </SubmitButton>
      </form>
    </div>
  );
}
