// The meaning a coloured element carries, named by the domain (labels, rules) and drawn by the UI
// (components/ui/tones.ts maps each tone to its colour classes).

export type StatusTone = "info" | "success" | "warning" | "error";
export type BadgeTone = StatusTone | "neutral" | "new";
