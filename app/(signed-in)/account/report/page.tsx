// The identity report is Digidentity's: its page lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/digidentity/report-page";
