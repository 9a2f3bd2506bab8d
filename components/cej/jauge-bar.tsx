import { clsx } from "clsx";

/**
 * One horizontal meter (role="meter") with its value always written next to it; the 15 h target is a
 * marked line on the bar and is repeated in words, so nothing relies on colour or position alone.
 */
export function JaugeBar({
  id,
  text,
  valueMinutes,
  scaleMinutes,
  targetMinutes,
  fill,
}: {
  id: string;
  /** "11 h déclarées sur 15 h" */
  text: string;
  valueMinutes: number;
  /** Both bars share one scale so they can be compared. */
  scaleMinutes: number;
  targetMinutes: number;
  fill: "declarees" | "validees";
}) {
  const pct = (m: number) => (scaleMinutes === 0 ? 0 : Math.min(100, (m / scaleMinutes) * 100));
  return (
    <div className="flex flex-col gap-1">
      <p id={`${id}-texte`} className="font-bold">
        {text}
      </p>
      <div
        role="meter"
        aria-labelledby={`${id}-texte`}
        aria-valuemin={0}
        aria-valuemax={Math.max(scaleMinutes, valueMinutes)}
        aria-valuenow={valueMinutes}
        aria-valuetext={text}
        className="relative h-6 w-full overflow-hidden rounded-sm border border-ink-2 bg-white"
      >
        <div
          className={clsx("h-full", fill === "validees" ? "bg-success" : "bg-info bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(255,255,255,0.35)_6px_12px)]")}
          style={{ width: `${pct(valueMinutes)}%` }}
        />
        <div aria-hidden="true" className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: `calc(${pct(targetMinutes)}% - 1px)` }} />
      </div>
    </div>
  );
}
