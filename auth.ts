import "server-only";

import NextAuth, { type NextAuthConfig } from "next-auth";

import {
  captureAuthDebug,
  captureAuthError,
  classifyLoginFailure,
  loginErrorUrl,
} from "@/lib/login-failure/classify";
import { getConfig } from "@/lib/config";
import type { Identity } from "@/lib/identity";
import { log } from "@/lib/log";
import { authCookies } from "@/lib/security/cookies";
import { verifyProviderIdToken, type OidcClient } from "@/lib/oidc/id-token";
import { enabledModules, moduleOfAuthProvider } from "@/lib/providers/registry";

/** How long a portal session lasts; an RMI session is a working day at most. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function authConfig(): Promise<NextAuthConfig> {
  const config = getConfig();
  // Each enabled provider module with its settings (lib/providers/registry.ts).
  const enabled = (await enabledModules()).map((module) => ({
    module,
    settings: config.providers[module.key] as never,
  }));
  // The OpenID providers whose ID tokens the signIn callback verifies, by provider id.
  const oidcClients: Record<string, OidcClient> = Object.assign(
    {},
    ...enabled.map(({ module, settings }) => module.oidcClients(settings)),
  );
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: authCookies(config.secureCookies),
    pages: { signIn: "/login", error: "/auth/error" },
    providers: enabled.flatMap(({ module, settings }) => module.authProviders(settings)),
    logger: {
      // Auth.js's own messages can carry provider answers; keep only the error for the
      // request's error page (lib/authjs/capture.ts) and log names, never contents.
      error: (error) => captureAuthError(error),
      warn: (code) => log.warn({ event: "authjs_warning", code }, "auth.js warning"),
      debug: (message, metadata) => captureAuthDebug(message, metadata),
    },
    callbacks: {
      async signIn({ user, account }) {
        // Auth.js checks the ID token's claims but not its signature when the token comes from
        // the token endpoint; verify it against the keys the provider publishes.
        const oidc = account ? oidcClients[account.provider] : undefined;
        if (account && oidc) {
          try {
            await verifyProviderIdToken(oidc, account.id_token);
          } catch (error) {
            return loginErrorUrl(classifyLoginFailure(error), { provider: account.provider, error });
          }
        }
        if (!user.identity) {
          // What a login without a usable identity means depends on the provider.
          const reason =
            (await moduleOfAuthProvider(account?.provider))?.missingIdentityReason ?? "provider_error";
          return loginErrorUrl(reason, { provider: account?.provider });
        }
        return true;
      },
      jwt({ token, user }) {
        // Only the portal's own Identity goes into the session cookie, plus the values the
        // login's module keeps for later (`loginSecret`, lib/login-secrets.ts), which the
        // session callback never hands out (the browser can read the session).
        if (user?.identity) {
          const secrets =
            user.loginSecrets && Object.keys(user.loginSecrets).length > 0 ? user.loginSecrets : undefined;
          return { sub: token.sub, identity: user.identity, ...(secrets ? { loginSecrets: secrets } : {}) };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, identity: token.identity as Identity };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
