// Positions, open and closed: live PnL in the position's currency, the orders, a close button.
import { useState } from 'react';
import { FlatList, Pressable, ScrollView, Text, View } from 'react-native';

import { errorText, type Schemas } from '../api/client';
import { useApp, usePolling } from '../context';
import { money, price, quantity, when } from '../format';
import { Button, Card, Choice, Notice, Row, Screen, colors, styles } from '../ui';

const FILTERS = ['open', 'closed'] as const;
type Filter = (typeof FILTERS)[number];

export function summaryInterval(summary: Schemas['PnlSummary'] | null): number {
  return summary?.currencies.some((c) => c.mode === 'live') ? LIVE_SUMMARY_MS : PAPER_SUMMARY_MS;
}
const LIVE_SUMMARY_MS = 60_000;
const PAPER_SUMMARY_MS = 5_000;

function pnlColor(value: string): string {
  const n = Number(value);
  return n > 0 ? colors.green : n < 0 ? colors.red : colors.text;
}

export function PositionsScreen() {
  const { api, me } = useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const [items, setItems] = useState<Schemas['PositionOut'][]>([]);
  const [summary, setSummary] = useState<Schemas['PnlSummary'] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { user_id: me.id };

  // Positions come from the database: every 3 s. The summary of a live account reads the exchange
  // (rate-limit weight on the user's proxy node): every minute then, every 5 s for paper only.
  usePolling(async () => {
    const { data, error: err } = await api.GET('/api/users/{user_id}/positions', {
      params: { path, query: { status: filter, limit: 100 } } });
    if (err) { setError(errorText(err)); return; }
    setError(null);
    setItems(data.items);
  }, 3000, filter);
  usePolling(async () => {
    const { data, error: err } = await api.GET('/api/users/{user_id}/positions/summary', { params: { path } });
    if (err) setError(errorText(err)); else setSummary(data);
  }, summaryInterval(summary));

  if (selected !== null) return <PositionDetail id={selected} onBack={() => setSelected(null)} />;

  return (
    <Screen title="Positions" testID="screen-positions">
      {summary?.currencies.map((c) => (
        <Card key={`${c.mode}-${c.currency}`} testID={`pnl-${c.mode}-${c.currency}`}>
          <Text style={[styles.text, { fontWeight: '700' }]}>{c.currency} · {c.mode}: {c.open_positions} open, {c.closed_positions} closed</Text>
          {c.balance !== null
            ? <Row label="Balance" value={money(c.balance, c.currency)} testID={`pnl-${c.mode}-${c.currency}-balance`} />
            : <Row label="Balance" value={c.balance_error ?? '—'} />}
          {c.equity !== null ? <Row label="Equity" value={money(c.equity, c.currency)} testID={`pnl-${c.mode}-${c.currency}-equity`} /> : null}
          <Row label="Open PnL" value={money(c.unrealized_pnl, c.currency, true)} color={pnlColor(c.unrealized_pnl)} testID={`pnl-${c.mode}-${c.currency}-unrealized`} />
          <Row label="Realised PnL (before fees and funding)" value={money(c.realized_pnl, c.currency, true)} />
          <Row label="Fees" value={money(c.fees, c.currency)} />
          <Row label="Funding" value={money(c.funding, c.currency, true)} />
          <Row label="Net realised (after fees and funding)" value={money(c.net_realized_pnl, c.currency, true)} color={pnlColor(c.net_realized_pnl)} />
        </Card>
      ))}
      <Choice label="Show" options={FILTERS} value={filter} onChange={(f) => { setFilter(f); setItems([]); }} testID="positions-filter" />
      <Notice text={error} kind="error" />
      <FlatList
        data={items}
        keyExtractor={(p) => String(p.id)}
        contentContainerStyle={{ gap: 8 }}
        ListEmptyComponent={<Text style={styles.label}>No {filter} positions.</Text>}
        renderItem={({ item: p }) => (
          <Pressable onPress={() => setSelected(p.id)} testID={`position-${p.id}`} accessibilityRole="button">
            <Card>
              <View style={styles.row}>
                <Text style={[styles.text, { fontWeight: '700' }]}>{p.symbol}</Text>
                <Text style={{ color: p.side === 'long' ? colors.green : colors.red, fontWeight: '700' }}>
                  {p.side.toUpperCase()} {p.leverage}x · {p.mode}
                </Text>
              </View>
              <Row label="Status" value={p.close_reason ? `${p.status} (${p.close_reason})` : p.status} testID="position-status" />
              <Row label="Entry" value={price(p.entry_price, p.price_step)} />
              <Row label="Size" value={`${quantity(p.filled_amount, p.amount_step)} / ${quantity(p.amount, p.amount_step)}`} />
              {filter === 'open'
                ? <Row label="PnL" value={money(p.unrealized_pnl, p.currency, true)} color={pnlColor(p.unrealized_pnl)} testID="position-pnl" />
                : <Row label="Net PnL" value={money(p.net_realized_pnl, p.currency, true)} color={pnlColor(p.net_realized_pnl)} testID="position-pnl" />}
            </Card>
          </Pressable>
        )}
      />
    </Screen>
  );
}

function PositionDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const { api, me } = useApp();
  const [p, setP] = useState<Schemas['PositionDetail'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = { user_id: me.id, position_id: id };

  usePolling(async () => {
    const { data, error: err } = await api.GET('/api/users/{user_id}/positions/{position_id}', { params: { path } });
    if (err) { setError(errorText(err)); return; }
    setP(data);
  }, 2000, id);

  async function close() {
    setBusy(true); setError(null);
    const { error: err } = await api.POST('/api/users/{user_id}/positions/{position_id}/close', { params: { path } });
    setBusy(false); setConfirming(false);
    if (err) setError(errorText(err)); else setInfo('Close requested: a market order is on its way.');
  }

  const open = p && ['pending', 'open'].includes(p.status);
  return (
    <ScrollView>
    <Screen title={p ? `${p.symbol} ${p.side}` : 'Position'} testID="screen-position">
      <Button title="‹ All positions" kind="plain" onPress={onBack} testID="position-back" />
      <Notice text={error} kind="error" />
      <Notice text={info} kind="ok" testID="position-info" />
      {p ? (
        <Card testID="position-detail">
          <Row label="Status" value={p.close_reason ? `${p.status} (${p.close_reason})` : p.status} testID="position-detail-status" />
          <Row label="Mode" value={[p.mode, p.exchange, p.market_type].filter((v, i, all) => all.indexOf(v) === i).join(' · ')} />
          <Row label="Leverage" value={`${p.leverage}x`} />
          <Row label="Entry" value={price(p.entry_price, p.price_step)} testID="position-detail-entry" />
          <Row label="Filled" value={`${quantity(p.filled_amount, p.amount_step)} / ${quantity(p.amount, p.amount_step)}`} testID="position-detail-filled" />
          <Row label="Cost" value={money(p.cost, p.currency)} />
          <Row label="Stop" value={price(p.stop_loss, p.price_step)} />
          <Row label="Open PnL" value={money(p.unrealized_pnl, p.currency, true)} color={pnlColor(p.unrealized_pnl)} testID="position-detail-pnl" />
          <Row label="Realised PnL" value={money(p.realized_pnl, p.currency, true)} />
          <Row label="Fees" value={money(p.fees, p.currency)} />
          <Row label="Funding" value={money(p.funding, p.currency, true)} />
          <Row label="Net realised" value={money(p.net_realized_pnl, p.currency, true)} color={pnlColor(p.net_realized_pnl)} testID="position-detail-net" />
          <Row label="Opened" value={when(p.opened_at)} />
          <Row label="Closed" value={when(p.closed_at)} />
        </Card>
      ) : null}
      {open ? (confirming ? (
        <Card>
          <Text style={styles.text}>Close {p.symbol} at market now?</Text>
          <Button title="Yes, close it" kind="danger" onPress={close} busy={busy} testID="position-close-confirm" />
          <Button title="Keep it open" kind="plain" onPress={() => setConfirming(false)} />
        </Card>
      ) : <Button title="Close position" kind="danger" onPress={() => setConfirming(true)} testID="position-close" />) : null}
      <Text style={[styles.text, { fontWeight: '700' }]}>Orders</Text>
      {p?.orders.map((o) => (
        <Card key={o.id} testID={`order-${o.id}`}>
          <Row label={`${o.role}${o.leg ? ` #${o.leg}` : ''}`} value={`${o.side} ${o.order_type} · ${o.status}`} />
          <Row label="Price" value={price(o.average_price ?? o.price ?? o.trigger_price, p?.price_step)} />
          <Row label="Filled" value={`${quantity(o.filled, p?.amount_step)} / ${quantity(o.amount, p?.amount_step)}`} />
          <Row label="Fee" value={o.fee_currency ? money(o.fee, o.fee_currency) : o.fee} />
        </Card>
      ))}
    </Screen>
    </ScrollView>
  );
}
