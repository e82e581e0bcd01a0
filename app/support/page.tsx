import { InfoPage, infoPageMetadata } from "@/components/ui/info-page";

export const generateMetadata = () => infoPageMetadata("Support");

export default function SupportPage() {
  return <InfoPage namespace="Support" />;
}
