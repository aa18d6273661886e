// The equity curve of one currency: cumulative net realised PnL (after fees) at each close, plus the
// open positions' PnL now. Currencies are never added together: one curve per currency.
import type { Schemas } from './api/client';

export type Point = { t: number; value: number };

export function equityCurves(closed: Schemas['PositionOut'][], summary: Schemas['PnlSummary'] | null,
                             now = Date.now()): Map<string, Point[]> {
  const curves = new Map<string, Point[]>();
  const sorted = closed.filter((p) => p.closed_at).sort((a, b) => Date.parse(a.closed_at!) - Date.parse(b.closed_at!));
  const totals = new Map<string, number>();
  for (const p of sorted) {
    const total = (totals.get(p.currency) ?? 0) + Number(p.realized_pnl) - Number(p.fees);
    totals.set(p.currency, total);
    const curve = curves.get(p.currency) ?? [{ t: Date.parse(p.opened_at ?? p.closed_at!), value: 0 }];
    curve.push({ t: Date.parse(p.closed_at!), value: total });
    curves.set(p.currency, curve);
  }
  for (const c of summary?.currencies ?? []) {
    const curve = curves.get(c.currency) ?? [{ t: now - 60_000, value: 0 }];
    // Net realised of the summary includes open positions' entry fees; plus their PnL at the last price.
    curve.push({ t: now, value: Number(c.net_realized_pnl) + Number(c.unrealized_pnl) });
    curves.set(c.currency, curve);
  }
  return curves;
}
