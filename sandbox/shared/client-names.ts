/** The name a client is shown by on the phone pages, or its id when it has none (sandbox/config.ts). */
export function serviceName(names: Readonly<Record<string, string>>, clientId: string): string {
  return Object.hasOwn(names, clientId) ? (names[clientId] ?? clientId) : clientId;
}
