import { headlessStart } from "@/lib/providers/idura/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** Start a headless BankID login (lib/providers/idura/routes.ts). */
export const POST = headlessStart;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
