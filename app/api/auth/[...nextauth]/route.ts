import type { NextRequest } from "next/server";

import { handlers } from "@/auth";
import { withSpecificLoginErrors } from "@/lib/login-failure/classify";
import { otherMethodsRefused } from "@/lib/route-handler";

export const GET = (req: NextRequest) => withSpecificLoginErrors(req, () => handlers.GET(req));
export const POST = (req: NextRequest) => withSpecificLoginErrors(req, () => handlers.POST(req));

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { PUT, PATCH, DELETE } = otherMethodsRefused("GET", "POST");
