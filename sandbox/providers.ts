import digidentity from "./digidentity";
import idtoken from "./idtoken";
import idura from "./idura";
import signicat from "./signicat";

/**
 * Every provider the sandbox reproduces, in the order its home page shows them: the one list.
 * Adding a provider is its folder (`sandbox/<provider>/index.ts` and what it uses) and one line
 * here; its variables, its part of the configuration, its routes, its start-up addresses and its
 * home-page parts come from its definition (sandbox/shared/provider.ts, docs/sandbox.md).
 */
export const SANDBOX_PROVIDERS = [digidentity, signicat, idtoken, idura] as const;
