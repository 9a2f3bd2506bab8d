import { formatNumber } from "@/lib/format/fr";

export interface ChartSeries {
  key: string;
  label: string;
  /** A fill class of the palette (the CSP forbids inline styles): "fill-primary", "fill-info"… */
  fillClass: string;
  values: readonly number[];
}

export interface BarChartProps {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences with the key numbers. */
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
}

const BAR = 18;
const GAP = 4;
const GROUP_GAP = 14;
const TOP = 4;
// Horizontal positions in percent of the width, so the labels keep their size on a phone (no viewBox scaling).
const LABEL_END = 34;
const BAR_START = 36;
const BAR_SPAN = 52;

/**
 * A horizontal bar chart drawn on the server: one group of bars per category, one bar per series, each
 * bar labelled with its value in text (never colour alone), a legend under it. `role="img"` with its
 * `<title>` and `<desc>`; the page puts the same numbers in a table beside it.
 */
export function BarChart({ id, title, description, categories, series }: BarChartProps) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupHeight = series.length * BAR + (series.length - 1) * GAP;
  const height = TOP + categories.length * (groupHeight + GROUP_GAP);
  const titleId = `${id}-titre`;
  const descId = `${id}-desc`;
  return (
    <figure className="flex flex-col gap-3">
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} width="100%" height={height} className="block overflow-visible">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line x1={`${BAR_START}%`} x2={`${BAR_START}%`} y1={0} y2={height - GROUP_GAP / 2} className="stroke-muted" strokeWidth={1} />
        {categories.map((category, c) => {
          const y0 = TOP + c * (groupHeight + GROUP_GAP);
          return (
            <g key={category}>
              <text x={`${LABEL_END}%`} y={y0 + groupHeight / 2} textAnchor="end" dominantBaseline="middle" className="fill-ink text-sm">
                {category}
              </text>
              {series.map((s, i) => {
                const value = s.values[c] ?? 0;
                const width = (value / max) * BAR_SPAN;
                const y = y0 + i * (BAR + GAP);
                return (
                  <g key={s.key}>
                    <rect x={`${BAR_START}%`} y={y} width={`${width}%`} height={BAR} className={s.fillClass} />
                    <text x={`${BAR_START + width + 1}%`} y={y + BAR / 2} dominantBaseline="middle" className="fill-ink text-sm">
                      {formatNumber(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption>
          <ul className="flex flex-wrap gap-4 text-sm text-ink-2" aria-label={`Légende : ${title}`}>
            {series.map((s) => (
              <li key={s.key} className="flex items-center gap-2">
                <svg width="14" height="14" aria-hidden="true" focusable="false">
                  <rect width="14" height="14" className={s.fillClass} />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}
