import { InfoPage, infoPageMetadata } from "@/app/ui/info-page";

export const generateMetadata = () => infoPageMetadata("Privacy");

export default function PrivacyPage() {
  return <InfoPage namespace="Privacy" />;
}
