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
        className="h-6 w-full overflow-hidden rounded-sm border border-ink-2 bg-white"
      >
        {/* SVG attributes, not inline styles: the content security policy refuses style="". */}
        <svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none" className="block h-full w-full">
          {fill === "validees" ? (
            <rect x="0" y="0" width={pct(valueMinutes)} height="10" className="fill-success" />
          ) : (
            <>
              <defs>
                <pattern id={`${id}-hachures`} width="3" height="10" patternUnits="userSpaceOnUse" patternTransform="skewX(-30)">
                  <rect width="3" height="10" className="fill-info" />
                  <rect width="1" height="10" className="fill-white" fillOpacity="0.35" />
                </pattern>
              </defs>
              <rect x="0" y="0" width={pct(valueMinutes)} height="10" fill={`url(#${id}-hachures)`} />
            </>
          )}
          <rect x={Math.max(0, pct(targetMinutes) - 0.4)} y="0" width="0.8" height="10" className="fill-ink" />
        </svg>
      </div>
    </div>
  );
}
