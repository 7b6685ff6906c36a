import { WalletPage, catalogTitle } from "@/app/(wallet)/_components/WalletPage";
import { PostJobForm } from "./_components/PostJobForm";

export const generateMetadata = catalogTitle("jobs.new.title");

/** Post a job: the brief to IPFS, then one permit signature and one transaction (approve as fallback). */
export default function NewJobPage() {
  return (
    <WalletPage title="jobs.new.title" lead="jobs.new.lead" sections={["jobs", "wallet"]}>
      <PostJobForm />
    </WalletPage>
  );
}
