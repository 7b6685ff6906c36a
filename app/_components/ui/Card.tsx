import type { ReactNode } from "react";

interface CardProps {
  /** The card's h2 (omit for a card without a heading). */
  title?: ReactNode;
  /** Id of the heading, for aria-labelledby; needed when `title` is set. */
  id?: string;
  /** Shown under the heading, muted. */
  description?: ReactNode;
  children?: ReactNode;
  "data-testid"?: string;
}

/** A titled block of a page. */
export function Card({ title, id, description, children, ...rest }: CardProps) {
  return (
    <section className="card" aria-labelledby={title ? id : undefined} data-testid={rest["data-testid"]}>
      {title && <h2 id={id}>{title}</h2>}
      {description && <p className="muted">{description}</p>}
      {children}
    </section>
  );
}
