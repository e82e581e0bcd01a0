import { startTransfer } from "@/lib/providers/signicat/transfer-routes";
import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** SP-A: hand this MitID login over to a partner (lib/providers/signicat/transfer-routes.ts). */
export const POST = startTransfer;

export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
