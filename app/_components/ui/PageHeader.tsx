import type { ReactNode } from "react";

interface PageHeaderProps {
  title: ReactNode;
  /** One or two sentences: what this page is for, or its verdict in words. */
  lead?: ReactNode;
  /** A StatusBadge or similar, shown next to the title. */
  status?: ReactNode;
  /** Actions (links, buttons) under the lead. */
  children?: ReactNode;
}

/** The top of every page: its one h1, what it is for, and what you can do here. */
export function PageHeader({ title, lead, status, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
        {status}
      </div>
      {lead && <p className="lead">{lead}</p>}
      {children && <div className="actions">{children}</div>}
    </header>
  );
}
