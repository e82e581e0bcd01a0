import "server-only";

import { getConfig } from "@/lib/config";
import type { Identity } from "@/lib/identity";
import { descriptorOfIdentityKind } from "@/lib/providers/catalog";

/**
 * Who started a caller verification, as its cookie records it: the status poll answers only that
 * agent, so another person signing in on the same browser cannot read an agent's request.
 */
export function agentKey(identity: Identity): string {
  return `${identity.kind}:${identity.subject}`;
}

/**
 * Whether this signed-in person is one of the deployment's call-centre agents
 * (CALL_CENTRE_AGENTS, docs/configuration.md): the provider they logged in through and their
 * subject must both be listed. Only agents see the call-centre link and may start a caller
 * verification; everyone else gets a page saying so.
 */
export function isCallCentreAgent(identity: Identity): boolean {
  const provider = descriptorOfIdentityKind(identity.kind)?.key;
  if (!provider) return false;
  return getConfig().callCentreAgents.some((a) => a.provider === provider && a.subject === identity.subject);
}
