// The equity curve of one currency: cumulative net realised PnL (after fees) after each closed trade,
// then the open positions' PnL now. Points follow the order of the trades (a replay's clock and the
// wall clock differ, so time is a label, not the axis). Currencies are never added together.
import type { Schemas } from './api/client';

export type Point = { label: string; value: number };

export function equityCurves(closed: Schemas['PositionOut'][], summary: Schemas['PnlSummary'] | null): Map<string, Point[]> {
  const curves = new Map<string, Point[]>();
  const sorted = closed.filter((p) => p.closed_at).sort((a, b) => Date.parse(a.closed_at!) - Date.parse(b.closed_at!));
  const totals = new Map<string, number>();
  for (const p of sorted) {
    const total = (totals.get(p.currency) ?? 0) + Number(p.realized_pnl) - Number(p.fees);
    totals.set(p.currency, total);
    const curve = curves.get(p.currency) ?? [{ label: p.opened_at ?? p.closed_at!, value: 0 }];
    curve.push({ label: p.closed_at!, value: total });
    curves.set(p.currency, curve);
  }
  for (const c of summary?.currencies ?? []) {
    const curve = curves.get(c.currency) ?? [{ label: 'start', value: 0 }];
    // The summary's net realised includes open positions' entry fees; plus their PnL at the last price.
    curve.push({ label: 'now', value: Number(c.net_realized_pnl) + Number(c.unrealized_pnl) });
    curves.set(c.currency, curve);
  }
  return curves;
}
