import { formatAzr } from "@/app/_lib/format";
import type { Day } from "./citadel-data";

const WIDTH = 320;
const HEIGHT = 120;

/**
 * The CitadelFund's end-of-day balance as a hand-made SVG line (no charting library: nothing to
 * download). The same figures are in the table below it, for screen readers and for exact values.
 */
export function BalanceChart({ days, label, locale }: { days: Day[]; label: string; locale: string }) {
  if (days.length === 0) return null;
  const max = days.reduce((m, d) => (d.citadelBalance > m ? d.citadelBalance : m), 0n) || 1n;
  const step = days.length > 1 ? WIDTH / (days.length - 1) : 0;
  const points = days.map((d, i) => {
    const x = days.length > 1 ? i * step : WIDTH / 2;
    const y = HEIGHT - Number((d.citadelBalance * BigInt(HEIGHT - 10)) / max) - 5;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const last = days[days.length - 1]!;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        preserveAspectRatio="none"
        width="100%"
        height={HEIGHT}
      >
        <polyline
          points={points.join(" ")}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
        {days.length === 1 && (
          <circle cx={WIDTH / 2} cy={points[0]!.split(",")[1]} r="4" fill="currentColor" />
        )}
      </svg>
      <figcaption className="muted">
        {days[0]!.date} → {last.date}: {formatAzr(last.citadelBalance, locale)}
      </figcaption>
    </figure>
  );
}
