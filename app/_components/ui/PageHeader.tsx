import Link from "next/link";
import type { ReactNode } from "react";

interface PageHeaderProps {
  title: ReactNode;
  /** One or two sentences: what this page is for, or its verdict in words. */
  lead?: ReactNode;
  /** A StatusBadge or similar, shown next to the title. */
  status?: ReactNode;
  /** What you can do here, under the lead: the main action (`primary`, a button) first, or the way back. */
  links?: { href: string; label: ReactNode; primary?: boolean }[];
  /** Anything else under the lead (an account's full address). */
  children?: ReactNode;
}

/** The top of every page: its one h1, what it is for, and what you can do here. */
export function PageHeader({ title, lead, status, links = [], children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
        {status}
      </div>
      {lead && <p className="lead">{lead}</p>}
      {(links.length > 0 || children) && (
        <div className="actions">
          {links.map(({ href, label, primary }) => (
            <Link key={href} href={href} className={primary ? "button-link" : undefined}>
              {label}
            </Link>
          ))}
          {children}
        </div>
      )}
    </header>
  );
}
