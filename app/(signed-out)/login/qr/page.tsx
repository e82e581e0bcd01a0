// The QR login is Digidentity's passwordless flow: its page lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/digidentity/qr-page";
