import { qrLoginStatus } from "@/lib/providers/digidentity/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** One poll of this browser's QR login (lib/providers/digidentity/routes.ts). */
export const GET = qrLoginStatus;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
