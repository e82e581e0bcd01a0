import type { Identity } from "@/lib/identity";

declare module "next-auth" {
  interface User {
    identity?: Identity | null;
    /**
     * Values the login's provider module needs later in the session (e.g. to step up), by a
     * name of its choosing. Kept in the encrypted session cookie only, never in the session the
     * browser can fetch; read them with `loginSecret` (lib/login-secrets.ts).
     */
    loginSecrets?: Record<string, string>;
  }
  interface Session {
    identity: Identity;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    identity?: Identity;
    loginSecrets?: Record<string, string>;
  }
}
