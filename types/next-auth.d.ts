import type { Identity } from "@/lib/identity";

declare module "next-auth" {
  interface User {
    identity?: Identity | null;
  }
  interface Session {
    identity: Identity;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    identity?: Identity;
  }
}
