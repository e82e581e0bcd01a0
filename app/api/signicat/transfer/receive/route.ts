import { receiveHandover } from "@/lib/providers/signicat/transfer-routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** SP-B: a partner's MitID Session Transfer hand-over (lib/providers/signicat/transfer-routes.ts). */
export const POST = receiveHandover;

export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
