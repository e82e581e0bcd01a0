import { InfoPage, infoPageMetadata } from "@/components/ui/info-page";

export const generateMetadata = () => infoPageMetadata("Privacy");

export default function PrivacyPage() {
  return <InfoPage namespace="Privacy" />;
}
