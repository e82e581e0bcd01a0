/**
 * Whether a request comes from a phone, for pages that order their choices by it (a phone
 * cannot scan its own screen). The User-Client Hint `Sec-CH-UA-Mobile: ?1` where the browser
 * sends one, otherwise the "Mobi"/"Android"/"iPhone" tokens of the User-Agent. Tablets count as
 * computers: they show a QR code to a phone well enough.
 */
export type Device = "phone" | "computer";

export function deviceOf(headers: Pick<Headers, "get">): Device {
  const hint = headers.get("sec-ch-ua-mobile");
  if (hint === "?1") return "phone";
  const agent = headers.get("user-agent") ?? "";
  return /\b(Mobi|iPhone|iPod)\b|Android.*Mobile/.test(agent) ? "phone" : "computer";
}
