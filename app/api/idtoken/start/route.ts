import { startIdtLogin } from "@/lib/providers/idtoken/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** Ask the operator for a session (lib/providers/idtoken/routes.ts). */
export const POST = startIdtLogin;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
