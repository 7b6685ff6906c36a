import { CallWords } from "./CallWords";

/** What a proposal will do, one call a line, in plain words (decoded with the contracts' ABIs). */
export function ProposalCalls({ targets, calldatas }: { targets: string[]; calldatas: string[] }) {
  return (
    <ol className="proposal-calls" data-testid="proposal-calls">
      {targets.map((target, index) => (
        <li key={index}>
          <CallWords target={target} calldata={calldatas[index] ?? "0x"} />
        </li>
      ))}
    </ol>
  );
}
