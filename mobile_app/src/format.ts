// Display only: amounts arrive from the API as exact decimal strings and are never added here
// across currencies. Every amount shown carries its currency.

const STABLE = new Set(['USDT', 'USDC', 'USD', 'BUSD', 'FDUSD', 'DAI', 'TUSD', 'EUR']);

export function money(value: string | null | undefined, currency: string, signed = false): string {
  if (value === null || value === undefined) return `— ${currency}`;
  const n = Number(value);
  if (!Number.isFinite(n)) return `${value} ${currency}`;
  const digits = STABLE.has(currency) ? 2 : 8;
  const text = n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${signed && n > 0 ? '+' : ''}${text} ${currency}`;
}

// Decimals of a step given as a decimal string ("0.10" -> 1, "0.001" -> 3, "5" -> 0).
function stepDecimals(step: string): number {
  const [, fraction = ''] = step.split('.');
  return fraction.replace(/0+$/, '').length;
}

// `value` on the grid of the market's `step` (from the API's price_step / amount_step); without a step
// (market unknown) the exact value. `down` rounds quantities down, as the exchange would.
function onStep(value: string, step: string | null | undefined, down: boolean): string {
  const n = Number(value);
  const s = Number(step);
  if (!step || !Number.isFinite(n) || !Number.isFinite(s) || s <= 0) return value;
  const units = down ? Math.floor(n / s + 1e-9) : Math.round(n / s);
  return (units * s).toFixed(stepDecimals(step));
}

export function price(value: string | null | undefined, step?: string | null): string {
  if (value === null || value === undefined) return '—';
  return onStep(value, step, false);
}

export function quantity(value: string | null | undefined, step?: string | null): string {
  if (value === null || value === undefined) return '—';
  return onStep(value, step, true);
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// "BTC/USDT:USDT" -> "USDT": the settle currency of a perpetual, else the quote currency.
export function quoteOf(symbol: string): string {
  const settle = symbol.split(':')[1];
  return settle ?? symbol.split('/')[1] ?? '';
}
