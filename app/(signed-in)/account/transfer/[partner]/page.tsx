// MitID Session Transfer's consent page lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/signicat/transfer-consent-page";
