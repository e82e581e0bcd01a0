import type { Identity } from "@/lib/identity";

declare module "next-auth" {
  interface User {
    identity?: Identity | null;
    /** Signicat's auth_token_id, for a step-up; kept in the encrypted session cookie only. */
    stepUpToken?: string;
    /** Signicat's signicat.cta_id, for a MitID Session Transfer; likewise cookie-only. */
    transferHandle?: string;
  }
  interface Session {
    identity: Identity;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    identity?: Identity;
    stepUpToken?: string;
    transferHandle?: string;
  }
}
