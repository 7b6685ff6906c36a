"use client";
import { WalletPart } from "@/app/_wallet/WalletPart";
import type { WalletPartProps } from "@/app/_wallet/WalletPart";
import { JobActions } from "./JobActions";
import type { JobView } from "./JobActions";

/** The wallet part of a job's page, loaded on demand by JobActionsIsland. */
export default function JobWallet({ job, ...part }: WalletPartProps & { job: JobView }) {
  return (
    <WalletPart {...part}>
      <JobActions job={job} />
    </WalletPart>
  );
}
