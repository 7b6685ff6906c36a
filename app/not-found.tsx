import Link from "next/link";

export default function NotFound() {
  return (
    <section className="page-message">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>
        To look at an account, open <code>/accounts/</code> followed by its address (0x and 40 hexadecimal
        characters), or pick one from the holders list.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
