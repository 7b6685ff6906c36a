import { WalletPage, catalogTitle } from "@/app/(wallet)/_components/WalletPage";
import { Delegates } from "./_components/Delegates";
import { Delegation } from "./_components/Delegation";
import { MyAccount } from "./_components/MyAccount";
import { MyJobs } from "./_components/MyJobs";
import { LearnerDashboard } from "./_components/learner/LearnerDashboard";
import "@/app/(public)/learn/learn.css";

export const generateMetadata = catalogTitle("me.title");

/** The connected person's dashboard (a wallet page): AZR, credentials and rewards, votes, jobs. */
export default function MePage() {
  return (
    <WalletPage title="me.title" lead="me.lead" sections={["me", "wallet", "accounts", "jobs"]}>
      <MyAccount />
      <LearnerDashboard />
      <Delegation />
      <Delegates />
      <MyJobs />
    </WalletPage>
  );
}
