// The IDToken login (OTP, approval over a WebSocket) lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/idtoken/login-page";
