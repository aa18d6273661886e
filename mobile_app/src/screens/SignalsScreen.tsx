// The signals feed: newest first, what the viewer's plan allows (TRIAL: later, targets withheld).
import { useState } from 'react';
import { FlatList, Text, View } from 'react-native';

import { errorText, type Schemas } from '../api/client';
import { useApp, usePolling } from '../context';
import { price, when } from '../format';
import { Button, Card, Choice, Notice, Row, Screen, colors, styles } from '../ui';

const SOURCES = ['all', 'vip', 'scalping', 'trend', 'qfl', 'ml'] as const;
type SourceFilter = (typeof SOURCES)[number];

export function SignalsScreen() {
  const { api, me } = useApp();
  const [latest, setLatest] = useState<Schemas['SignalOut'][]>([]);
  const [older, setOlder] = useState<Schemas['SignalOut'][]>([]);
  const [firstCursor, setFirstCursor] = useState<string | null>(null);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [source, setSource] = useState<SourceFilter>('all');
  const [error, setError] = useState<string | null>(null);
  const filter = source === 'all' ? {} : { source };

  // The newest page is re-read every few seconds; pages loaded with "More" stay below it.
  async function load() {
    const { data, error: err } = await api.GET('/api/signals', { params: { query: { limit: 50, ...filter } } });
    if (err) { setError(errorText(err)); return; }
    setError(null);
    setLatest(data.items);
    setFirstCursor(data.next_cursor ?? null);
  }

  const next = older.length ? olderCursor : firstCursor;

  async function more() {
    if (!next) return;
    const { data, error: err } = await api.GET('/api/signals', { params: { query: { limit: 50, cursor: next, ...filter } } });
    if (err) { setError(errorText(err)); return; }
    setOlder((old) => [...old, ...data.items]);
    setOlderCursor(data.next_cursor ?? null);
  }

  const shown = new Set(latest.map((s) => s.id));
  const items = [...latest, ...older.filter((s) => !shown.has(s.id))];

  usePolling(load, 4000, source);

  return (
    <Screen title="Signals" testID="screen-signals">
      {me.plan === 'trial' ? (
        <Notice text="Trial plan: signals reach you after a delay and some targets are withheld. Upgrade to VIP for everything." testID="signals-plan" />
      ) : null}
      <Choice label="Source" options={SOURCES} value={source} onChange={(s) => { setSource(s); setLatest([]); setOlder([]); }} testID="signals-source" />
      <Notice text={error} kind="error" />
      <FlatList
        data={items}
        keyExtractor={(s) => String(s.id)}
        contentContainerStyle={{ gap: 8 }}
        ListEmptyComponent={<Text style={styles.label}>No signals yet.</Text>}
        renderItem={({ item }) => <SignalCard s={item} />}
        ListFooterComponent={next ? <Button title="More" kind="plain" onPress={more} testID="signals-more" /> : null}
      />
    </Screen>
  );
}

function SignalCard({ s }: { s: Schemas['SignalOut'] }) {
  const sideColor = s.side === 'long' || s.side === 'buy' ? colors.green : colors.red;
  return (
    <Card testID={`signal-${s.id}`}>
      <View style={styles.row}>
        <Text style={[styles.text, { fontWeight: '700' }]} testID="signal-symbol">{s.symbol}</Text>
        <Text style={{ color: sideColor, fontWeight: '700' }} testID="signal-side">
          {s.side.toUpperCase()}{s.leverage ? ` ${s.leverage}x` : ''}
        </Text>
      </View>
      <Row label="Source" value={s.source} testID="signal-source" />
      <Row label="Entry" value={s.entries.length ? s.entries.map((v) => price(v)).join(' – ') : s.entry_type} />
      <Row label="Targets" value={s.targets_withheld ? 'withheld on your plan' : s.targets.map((v) => price(v)).join(', ') || '—'} />
      <Row label="Stop" value={stopText(s)} testID="signal-stop" />
      <Row label="Status" value={s.rejected_reason ? `${s.status}: ${s.rejected_reason}` : s.status} />
      <Row label="Posted" value={when(s.posted_at ?? s.received_at)} />
    </Card>
  );
}

// ("SL 5%"): a stop the provider wrote as a share of the price, placed from each user's average entry
function stopText(s: Schemas['SignalOut']): string {
  if (s.stop_loss !== null && s.stop_loss !== undefined) return price(s.stop_loss);
  if (s.stop_loss_pct) {
    const long = s.side === 'long' || s.side === 'buy';
    return `${Number(s.stop_loss_pct)}% ${long ? 'below' : 'above'} the entry`;
  }
  return '—';
}
