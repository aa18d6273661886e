// The equity curve of each (mode, currency): cumulative net realised PnL (after fees and funding) after
// each closed trade, then the open positions' PnL now. When the API reports the account's equity the
// curve is anchored to it (equity now, minus what was earned since each point); otherwise it shows net
// PnL from zero. Points follow the order of the trades (a replay's clock and the wall clock differ, so
// time is a label, not the axis). Currencies and modes are never added together.
import type { Schemas } from './api/client';

export type Point = { label: string; value: number };
export type Curve = { mode: string; currency: string; anchored: boolean; points: Point[] };

export function equityCurves(closed: Schemas['PositionOut'][], summary: Schemas['PnlSummary'] | null): Curve[] {
  const curves = new Map<string, Curve>();
  const curveOf = (mode: string, currency: string, first: string) => {
    const key = `${mode} ${currency}`;
    let curve = curves.get(key);
    if (!curve) curves.set(key, (curve = { mode, currency, anchored: false, points: [{ label: first, value: 0 }] }));
    return curve;
  };
  const sorted = closed.filter((p) => p.closed_at).sort((a, b) => Date.parse(a.closed_at!) - Date.parse(b.closed_at!));
  for (const p of sorted) {
    const curve = curveOf(p.mode, p.currency, p.opened_at ?? p.closed_at!);
    curve.points.push({ label: p.closed_at!, value: curve.points.at(-1)!.value + Number(p.net_realized_pnl) });
  }
  for (const c of summary?.currencies ?? []) {
    const curve = curveOf(c.mode, c.currency, 'start');
    // The summary's net realised includes open positions' entry fees; plus their PnL at the last price.
    curve.points.push({ label: 'now', value: Number(c.net_realized_pnl) + Number(c.unrealized_pnl) });
    if (c.equity !== null) {
      const shift = Number(c.equity) - curve.points.at(-1)!.value;
      curve.points = curve.points.map((pt) => ({ ...pt, value: pt.value + shift }));
      curve.anchored = true;
    }
  }
  return [...curves.values()];
}
