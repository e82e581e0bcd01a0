import { InfoPage, infoPageMetadata } from "@/app/ui/info-page";

export const generateMetadata = () => infoPageMetadata("Support");

export default function SupportPage() {
  return <InfoPage namespace="Support" />;
}
