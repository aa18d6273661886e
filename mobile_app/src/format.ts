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

export function price(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value;
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
