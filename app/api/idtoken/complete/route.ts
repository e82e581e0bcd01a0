import { completeIdtApproval } from "@/lib/providers/idtoken/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** The page hands over the operator's approval (lib/providers/idtoken/routes.ts). */
export const POST = completeIdtApproval;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
