import type { ReactNode } from "react";
import { Card } from "./ui/Card";

/** What a section will hold, until its flow is built: plain sentences, no dead ends. */
export function Upcoming({
  heading,
  items,
  children,
}: {
  heading: string;
  items: string[];
  children?: ReactNode;
}) {
  return (
    <Card title={heading} id="upcoming-title" data-testid="upcoming">
      <ul className="upcoming">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {children}
    </Card>
  );
}
