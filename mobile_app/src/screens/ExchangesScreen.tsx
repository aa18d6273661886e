// Exchange accounts: add one (the key is checked with the exchange first), see what the check found:
// withdrawals refused, the IP restriction to set, when the key expires; testnet; enable/disable, delete.
import { useState } from 'react';
import { ScrollView, Text } from 'react-native';

import { errorText, type Schemas } from '../api/client';
import { useApp, usePolling } from '../context';
import { when } from '../format';
import { Button, Card, Choice, Field, Notice, Row, Screen, Toggle, colors, styles } from '../ui';

const EXCHANGES = ['binance', 'bybit', 'phemex', 'kraken'] as const;
type Account = Schemas['ExchangeAccountOut'];

function checkRows(a: Account) {
  const p = a.permissions as { can_withdraw?: boolean | null; ip_restricted?: boolean | null };
  return (
    <>
      <Row label="Withdrawals" testID={`exchange-${a.id}-withdrawals`}
        value={p.can_withdraw === false ? 'refused ✓' : p.can_withdraw ? 'ALLOWED — remove this right' : 'not reported by the exchange'}
        color={p.can_withdraw === false ? colors.green : colors.amber} />
      <Row label="IP restriction" testID={`exchange-${a.id}-ip`}
        value={p.ip_restricted ? 'restricted ✓' : p.ip_restricted === false ? 'none — whitelist our IP' : 'not reported'}
        color={p.ip_restricted ? colors.green : colors.amber} />
      <Row label="IP to whitelist on the key" value={a.whitelist_ip ?? 'none needed (no proxy)'} testID={`exchange-${a.id}-whitelist`} />
      <Row label="Key expires" value={a.trading_expires_at ? when(a.trading_expires_at) : 'no expiry reported'} />
      <Row label="Checked" value={when(a.permissions_checked_at)} />
    </>
  );
}

export function ExchangesScreen() {
  const { api, me } = useApp();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [exchange, setExchange] = useState<(typeof EXCHANGES)[number]>('binance');
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [testnet, setTestnet] = useState(true);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { user_id: me.id };

  async function load() {
    const { data, error: err } = await api.GET('/api/users/{user_id}/exchanges', { params: { path } });
    if (err) setError(errorText(err)); else setAccounts(data);
  }
  usePolling(load, 15000);

  async function add() {
    setBusy(true); setError(null); setWarnings([]);
    const { data, error: err } = await api.POST('/api/users/{user_id}/exchanges', {
      params: { path },
      body: { exchange, label, api_key: apiKey, api_secret: secret, testnet, ...(passphrase ? { passphrase } : {}) },
    });
    setBusy(false);
    if (err) { setError(errorText(err)); return; }
    // The secret never stays in the app once the server has it.
    setApiKey(''); setSecret(''); setPassphrase(''); setLabel('');
    setWarnings(data.warnings);
    await load();
  }

  async function setEnabled(a: Account, enabled: boolean) {
    const { error: err } = await api.PATCH('/api/users/{user_id}/exchanges/{account_id}', {
      params: { path: { ...path, account_id: a.id } }, body: { enabled } });
    if (err) setError(errorText(err)); else await load();
  }

  async function remove(a: Account) {
    const { error: err } = await api.DELETE('/api/users/{user_id}/exchanges/{account_id}', {
      params: { path: { ...path, account_id: a.id } } });
    if (err) setError(errorText(err)); else await load();
  }

  return (
    <ScrollView>
      <Screen title="Exchange accounts" testID="screen-exchanges">
        <Notice text={error} kind="error" testID="exchange-error" />
        {warnings.map((w) => <Notice key={w} text={w} testID="exchange-warning" />)}
        {accounts.map((a) => (
          <Card key={a.id} testID={`exchange-${a.id}`}>
            <Text style={[styles.text, { fontWeight: '700' }]}>{a.label} · {a.exchange}{a.testnet ? ' (testnet)' : ''} · …{a.key_last4}</Text>
            {checkRows(a)}
            <Toggle label="Enabled" value={a.enabled} onChange={(v) => setEnabled(a, v)} />
            <Button title="Delete (keys erased)" kind="plain" onPress={() => remove(a)} />
          </Card>
        ))}
        <Card testID="exchange-add">
          <Text style={[styles.text, { fontWeight: '700' }]}>Add an account</Text>
          <Text style={styles.label}>Create an API key with trading rights only (never withdrawals) and restrict it to our IP.</Text>
          <Choice label="Exchange" options={EXCHANGES} value={exchange} onChange={setExchange} testID="exchange-name" />
          <Field label="Label" value={label} onChangeText={setLabel} testID="exchange-label" />
          <Field label="API key" value={apiKey} onChangeText={setApiKey} testID="exchange-key" />
          <Field label="API secret" value={secret} onChangeText={setSecret} secureTextEntry testID="exchange-secret" />
          <Field label="Passphrase (if the exchange gave one)" value={passphrase} onChangeText={setPassphrase} secureTextEntry />
          <Toggle label="Testnet" value={testnet} onChange={setTestnet} testID="exchange-testnet" />
          <Button title="Check and add" onPress={add} busy={busy} disabled={!label || !apiKey || !secret} testID="exchange-submit" />
        </Card>
      </Screen>
    </ScrollView>
  );
}
