import type { NextRequest } from "next/server";

import { handlers } from "@/auth";
import { withSpecificLoginErrors } from "@/lib/auth-failures";

export const GET = (req: NextRequest) => withSpecificLoginErrors(req, () => handlers.GET(req));
export const POST = (req: NextRequest) => withSpecificLoginErrors(req, () => handlers.POST(req));
