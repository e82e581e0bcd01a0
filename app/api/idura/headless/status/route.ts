import { headlessStatus } from "@/lib/providers/idura/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** One poll of this browser's BankID login (lib/providers/idura/routes.ts). */
export const GET = headlessStatus;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
