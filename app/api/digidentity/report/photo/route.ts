import { documentPhoto } from "@/lib/providers/digidentity/routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** The signed-in user's document photo (lib/providers/digidentity/routes.ts). */
export const GET = documentPhoto;

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
