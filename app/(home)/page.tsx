import { Holders } from "./_components/Holders";
import { YourAzr } from "./_components/YourAzr";

export default function HomePage() {
  return (
    <>
      <section className="intro" aria-labelledby="intro-title">
        <h1 id="intro-title">Learn something. Prove it. Earn AZR.</h1>
        <p>Azora pays people for what they learn, and lets them put that knowledge to work.</p>
        <ol className="steps">
          <li>
            <strong>Learn.</strong> Study a free course, then pass its quiz.
          </li>
          <li>
            <strong>Earn.</strong> Passing pays AZR, Azora&apos;s token: 90% to you, 10% to the CitadelFund,
            the community treasury.
          </li>
          <li>
            <strong>Prove it.</strong> You also get a credential that stays in your wallet (it cannot be sold
            or moved) and that anyone can check.
          </li>
          <li>
            <strong>Work.</strong> Hire people or get hired in the jobs marketplace, paid in AZR held in
            escrow until the work is approved.
          </li>
          <li>
            <strong>Decide.</strong> AZR holders run Azora and its CitadelFund through a DAO: they propose and
            vote.
          </li>
        </ol>
        <p className="notice">
          <strong>What works today:</strong> the AZR token, delegating its votes, and this live view of who
          holds it. Courses and quizzes, credentials, jobs and the DAO are coming next.
        </p>
      </section>
      <YourAzr />
      <Holders />
    </>
  );
}
