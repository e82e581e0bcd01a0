/**
 * What the portal knows about a provider without loading its server code: its names, its error
 * codes, the environment variables it reads (a zod object) and how they become its settings.
 * Kept free of `server-only` so the start scripts and unit tests can use it; the provider's
 * server side is its module (`index.ts`, lib/providers/types.ts). docs/configuration.md says
 * which providers are on.
 */
import { z } from "zod";

import type { SharedLoginErrorReason } from "@/lib/login-failure/reasons";

/** What every provider may know about the deployment when it builds its settings. */
export type SliceContext = {
  sandbox: boolean;
  /** Where the portal reaches the sandbox (only meaningful with `sandbox`). */
  sandboxUrl: string;
  /** Where a phone reaches the sandbox (SANDBOX_PUBLIC_URL, else `sandboxUrl`). */
  sandboxPublicUrl: string;
  /** ALLOW_LOOPBACK_HTTP_ISSUERS=on: a provider on http://localhost or 127.0.0.1 is accepted. */
  allowLoopbackHttp: boolean;
  /** Collects problems; each names the variable to set. */
  problems: string[];
};

export type ProviderDescriptor<
  K extends string,
  S extends z.ZodObject,
  C,
  D extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
  R extends string = string,
  N extends string = string,
> = {
  key: K;
  /** The name people know the provider by, as the error pages say it. */
  displayName: string;
  /** The Auth.js providers its module registers; their ids form the callback URLs. */
  authProviderIds: readonly string[];
  /** The kinds of identity its logins produce (each declared in its `identity.ts`, lib/identity). */
  identityKinds: readonly string[];
  /**
   * The provider's own `error` / `error_description` codes on the redirect back, and what each
   * means for the user (docs/providers/<provider>.md names their source).
   */
  providerErrors: Readonly<Record<string, SharedLoginErrorReason | NoInfer<R>>>;
  /**
   * The login-failure reasons only this provider's logins meet (`?error=` / `?reason=` codes,
   * public contracts); lib/login-failure/reasons.ts adds them to the shared ones. Each has its
   * words in messages/<locale>.json under `LoginErrors.<reason>`.
   */
  loginFailureReasons: readonly R[];
  /**
   * The message namespaces its client components use (its device-login pages); with the shared
   * ones they form lib/i18n/client-namespaces.ts, which tests/unit/portal-i18n-format.test.ts checks.
   */
  clientNamespaces: readonly N[];
  schema: S;
  /**
   * The variables whose presence turns the provider on with SANDBOX=off (when PROVIDERS is not
   * given). Defaults-only variables such as poll intervals are left out, so that setting one does
   * not switch a provider on by accident.
   */
  enabledBy: readonly (keyof z.infer<S> & string)[];
  build(env: z.infer<S>, ctx: SliceContext): C;
  /**
   * Origins the browser is sent to (the CSP's form-action) and connects to from page scripts
   * (connect-src), derived from the settings.
   */
  origins(cfg: C): { form: string[]; connect: string[] };
  /**
   * The client ids, secrets and paths the sandbox uses when nobody configured anything: the
   * portal's defaults with the sandbox on (tests/unit/sandbox-defaults.test.ts checks they equal
   * the sandbox's own).
   */
  sandboxDefaults: D;
  /**
   * Call-centre agents among its sandbox personas, as `{provider, subject}`: with the sandbox on
   * and CALL_CENTRE_AGENTS unset they are the deployment's agents (docs/configuration.md).
   */
  sandboxAgents?: readonly { provider: K; subject: string }[];
  /**
   * Its server side: `() => import("./index")`, whose default export is the module
   * (lib/providers/types.ts). A function, so that nothing here loads server code until
   * lib/providers/registry.ts asks; an `import()`, because a bundled `require` would give the
   * module's dependencies a second instance (docs/architecture.md, "One list of providers").
   */
  load(): ModuleImport<NoInfer<K>>;
};

/**
 * What a descriptor's `load()` answers. Each descriptor writes it as the return type of
 * `(): ModuleImport<"key"> => import("./index")`: with the type written out, the compiler need not
 * read the module to know the descriptor's type, which would be circular (the module's own types
 * come from the catalog of descriptors).
 */
export type ModuleImport<K extends string> = Promise<{ default: { key: K } }>;

export function defineProvider<
  K extends string,
  S extends z.ZodObject,
  C,
  D extends Readonly<Record<string, string>>,
  const R extends string = never,
  const N extends string = never,
>(descriptor: ProviderDescriptor<K, S, C, D, R, N>): ProviderDescriptor<K, S, C, D, R, N> {
  return descriptor;
}

/** An http(s) URL, kept as given (an issuer identifier is compared exactly, trailing slash and all). */
export const httpUrl = z.url({ protocol: /^https?$/ });

/** An http(s) base URL to which paths are appended: a trailing slash would double. */
export const baseUrl = httpUrl.transform((u) => u.replace(/\/+$/, ""));

export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
}

/**
 * A provider URL: the given one, else the sandbox's with the sandbox on. With the sandbox off it
 * must be https, except a loopback http URL when the operator allowed it on purpose.
 */
export function providerUrl(
  ctx: SliceContext,
  name: string,
  value: string | undefined,
  sandboxPath: string,
  scheme: "https" | "wss" = "https",
): string {
  const url = value ?? (ctx.sandbox ? `${ctx.sandboxUrl}${sandboxPath}` : undefined);
  if (!url) {
    ctx.problems.push(`${name}: required when this provider is on and SANDBOX=off`);
    return "";
  }
  const secure = url.startsWith(`${scheme}://`);
  const loopback = ctx.allowLoopbackHttp && isLoopbackHttp(url.replace(/^ws/, "http"));
  if (!ctx.sandbox && !secure && !loopback) {
    ctx.problems.push(
      `${name}: must be a${scheme === "wss" ? " wss" : "n https"} URL when SANDBOX=off` +
        " (a local trial against a loopback provider: ALLOW_LOOPBACK_HTTP_ISSUERS=on)",
    );
  }
  return url;
}

/** A required value, or the sandbox's default with the sandbox on. */
export function required(
  ctx: SliceContext,
  name: string,
  value: string | undefined,
  sandboxDefault: string,
): string {
  if (value) return value;
  if (ctx.sandbox) return sandboxDefault;
  ctx.problems.push(`${name}: required when this provider is on and SANDBOX=off`);
  return "";
}
