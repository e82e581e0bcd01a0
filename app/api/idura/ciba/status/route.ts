import { cibaStatus } from "@/lib/providers/idura/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** The agent's poll of a CIBA request (lib/providers/idura/routes.ts). */
export const GET = cibaStatus;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
