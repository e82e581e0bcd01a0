// The headless Swedish BankID login is Idura's: its page lives in the provider's folder.
export { default, generateMetadata } from "@/lib/providers/idura/bankid-page";
