// Call-centre caller verification is Idura's CIBA: its page lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/idura/agent-page";
