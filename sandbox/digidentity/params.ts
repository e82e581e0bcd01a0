/** The OAuth parameter schemas are shared by every provider of the sandbox. */
export * from "../shared/oauth-params";
