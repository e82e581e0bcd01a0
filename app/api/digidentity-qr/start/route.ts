import { startQrLogin } from "@/lib/providers/digidentity/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** Start a passwordless (QR) login (lib/providers/digidentity/routes.ts). */
export const POST = startQrLogin;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
