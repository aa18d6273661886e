// Equity chart: how the account's net PnL moved over time, one chart per currency.
import { useState } from 'react';
import { ScrollView, Text, View } from 'react-native';
import Svg, { Line, Polyline, Text as SvgText } from 'react-native-svg';

import { errorText, type Schemas } from '../api/client';
import { useApp, usePolling } from '../context';
import { equityCurves, type Curve, type Point } from '../equity';
import { money, when } from '../format';
import { Card, Notice, Row, Screen, colors, styles } from '../ui';

const MAX_PAGES = 10;

export function EquityScreen() {
  const { api, me } = useApp();
  const [curves, setCurves] = useState<Curve[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = { user_id: me.id };

  usePolling(async () => {
    const closed: Schemas['PositionOut'][] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data, error: err } = await api.GET('/api/users/{user_id}/positions', {
        params: { path, query: { status: 'closed', limit: 200, ...(cursor ? { cursor } : {}) } },
      });
      if (err) { setError(errorText(err)); return; }
      closed.push(...data.items);
      if (!data.next_cursor) break;
      cursor = data.next_cursor;
    }
    const { data: summary, error: err } = await api.GET('/api/users/{user_id}/positions/summary', { params: { path } });
    if (err) { setError(errorText(err)); return; }
    setError(null);
    setLive(summary.currencies.some((c) => c.mode === 'live'));
    setCurves(equityCurves(closed, summary));
  }, live ? 60_000 : 10_000);  // a live summary reads the exchange: once a minute

  return (
    <ScrollView>
      <Screen title="Equity" testID="screen-equity">
        <Text style={styles.label}>Trade by trade, after fees and funding: closed trades, then open positions at the last price (anchored to the account's equity when the server reports it).</Text>
        <Notice text={error} kind="error" />
        {curves.length === 0 ? <Text style={styles.label}>No trades yet.</Text> : null}
        {curves.map(({ mode, currency, anchored, points }) => (
          <Card key={`${mode}-${currency}`} testID={`equity-${mode}-${currency}`}>
            <Row label={anchored ? `Equity now (${currency}, ${mode})` : `Net PnL now (${currency}, ${mode})`}
              value={money(String(points.at(-1)?.value ?? 0), currency, !anchored)} testID={`equity-${mode}-${currency}-now`} />
            <Chart points={points} currency={currency} testID={`equity-chart-${mode}-${currency}`} />
            <Row label="From" value={points[0].label === 'start' ? 'the first trade' : when(points[0].label)} />
            <Row label="Closed trades" value={String(points.filter((p) => p.label !== 'now').length - 1)} />
          </Card>
        ))}
      </Screen>
    </ScrollView>
  );
}

function Chart({ points, currency, testID }: { points: Point[]; currency: string; testID: string }) {
  const width = 320, height = 160, pad = 8;
  const vs = points.map((p) => p.value);
  const lo = Math.min(...vs), hi = Math.max(...vs);
  const x = (i: number) => pad + (i / Math.max(points.length - 1, 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - lo) / Math.max(hi - lo, 1e-12)) * (height - 2 * pad);
  const last = vs.at(-1) ?? 0;
  return (
    <View testID={testID}>
      <Svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`}>
        <Line x1={pad} x2={width - pad} y1={y(vs[0])} y2={y(vs[0])} stroke={colors.border} strokeDasharray="4 4" />
        <Polyline points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none"
          stroke={last >= vs[0] ? colors.green : colors.red} strokeWidth={2} />
        <SvgText x={pad} y={12} fill={colors.dim} fontSize={10}>{money(String(hi), currency)}</SvgText>
        <SvgText x={pad} y={height - 2} fill={colors.dim} fontSize={10}>{money(String(lo), currency)}</SvgText>
      </Svg>
    </View>
  );
}
