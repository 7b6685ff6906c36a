import "@/app/(public)/dao/_components/dao.css";
import { WalletPage, catalogTitle } from "@/app/(wallet)/_components/WalletPage";
import { NewProposal } from "./_components/NewProposal";

export const generateMetadata = catalogTitle("dao.new.title");

/** Propose from a template: the calls are built from the contracts' ABIs, the text goes to IPFS. */
export default function NewProposalPage() {
  return (
    <WalletPage title="dao.new.title" lead="dao.new.lead" sections={["dao", "wallet"]}>
      <NewProposal />
    </WalletPage>
  );
}
