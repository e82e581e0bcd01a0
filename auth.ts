import "server-only";

import NextAuth, { type NextAuthConfig } from "next-auth";

import { captureAuthDebug, captureAuthError, classifyLoginFailure, loginErrorUrl } from "@/lib/auth-failures";
import { getConfig } from "@/lib/config";
import type { Identity } from "@/lib/identity";
import { log } from "@/lib/log";
import { DIGIDENTITY_ID, digidentityProvider, verifyDigidentityIdToken } from "@/lib/providers/digidentity";
import { digidentityQrProvider } from "@/lib/providers/digidentity-qr";

/** How long a portal session lasts; an RMI session is a working day at most. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function authConfig(): NextAuthConfig {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/auth/error" },
    providers: [digidentityProvider(config.digidentity), digidentityQrProvider(config.digidentity)],
    logger: {
      // Auth.js's own messages can carry provider answers; keep only the error for the
      // request's error page (lib/auth-failures.ts) and log names, never contents.
      error: (error) => captureAuthError(error),
      warn: (code) => log.warn({ event: "authjs_warning", code }, "auth.js warning"),
      debug: (message, metadata) => captureAuthDebug(message, metadata),
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === DIGIDENTITY_ID) {
          try {
            await verifyDigidentityIdToken(config.digidentity, account.id_token);
          } catch (error) {
            return loginErrorUrl(classifyLoginFailure(error), { provider: DIGIDENTITY_ID, error });
          }
        }
        if (!user.identity) return loginErrorUrl("no_uid_attributes", { provider: account?.provider });
        return true;
      },
      jwt({ token, user }) {
        // Only the portal's own Identity goes into the session cookie: no provider tokens.
        if (user?.identity) {
          return { sub: token.sub, identity: user.identity };
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
