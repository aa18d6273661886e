// Trading settings: paper/live (live asks for confirmation), sizing, leverage cap, max positions,
// the trading policies; the kill switch; two-factor; push notifications.
import { useEffect, useState } from 'react';
import { Linking, Platform, ScrollView, Text } from 'react-native';

import { errorText, type Schemas } from '../api/client';
import { useApp } from '../context';
import { registerForPush } from '../push';
import { Button, Card, Choice, Field, Notice, Row, Screen, Toggle, colors, styles } from '../ui';

type Patch = Omit<Schemas['SettingsPatch'], 'confirm_live'>;
type Settings = Schemas['SettingsOut'];
type NumberKey = 'size_value' | 'leverage_cap' | 'max_open_positions' | 'max_total_exposure' | 'default_stop_pct'
  | 'max_loss_at_stop_pct' | 'max_entry_distance_pct' | 'entry_timeout_hours' | 'daily_loss_limit_pct'
  | 'cooldown_minutes' | 'dca_safety_orders' | 'breakeven_after_tp' | 'max_drawdown_pct' | 'max_drawdown_lookback_minutes'
  | 'max_drawdown_pause_minutes' | 'sl_guard_trades' | 'sl_guard_lookback_minutes' | 'sl_guard_pause_minutes'
  | 'low_profit_trades' | 'low_profit_min_pct' | 'low_profit_lookback_minutes' | 'low_profit_lock_minutes';

// Number fields: [key, label, integer?, may be empty (null = off)?]
const NUMBER_FIELDS: [NumberKey, string, boolean, boolean][] = [
  ['size_value', 'Size (fixed: margin in the quote currency; percent/risk: %)', false, false],
  ['leverage_cap', 'Leverage cap (x)', true, false],
  ['max_open_positions', 'Max open positions', true, false],
  ['max_total_exposure', 'Max total exposure (quote currency, empty = none)', false, true],
  ['default_stop_pct', 'Default stop % when a signal has none (empty = 50 / leverage)', false, true],
  ['max_loss_at_stop_pct', 'Max loss at the stop, % of equity (empty = no cap)', false, true],
  ['max_entry_distance_pct', 'Refuse signals whose entry is further than % from the market (empty = any)', false, true],
  ['entry_timeout_hours', 'Cancel unfilled entries after hours (empty = never)', false, true],
  ['daily_loss_limit_pct', 'Daily loss limit, % (empty = none)', false, true],
  ['cooldown_minutes', 'Cooldown after a loss (minutes)', true, false],
  ['dca_safety_orders', 'DCA safety orders', true, false],
  ['breakeven_after_tp', 'Move the stop to breakeven after target # (empty = never)', true, true],
];
// Protections: pause new trades after a drawdown, after a run of stop-losses, or lock a pair that keeps
// earning too little.
const PROTECTION_FIELDS: [NumberKey, string, boolean, boolean][] = [
  ['max_drawdown_pct', 'Pause after a drawdown of % (empty = off)', false, true],
  ['max_drawdown_lookback_minutes', '… measured over minutes', true, false],
  ['max_drawdown_pause_minutes', '… pause for minutes', true, false],
  ['sl_guard_trades', 'Pause after this many stop-losses (empty = off)', true, true],
  ['sl_guard_lookback_minutes', '… within minutes', true, false],
  ['sl_guard_pause_minutes', '… pause for minutes', true, false],
  ['low_profit_trades', 'Lock a pair after this many trades below the minimum profit (empty = off)', true, true],
  ['low_profit_min_pct', '… minimum profit %', false, false],
  ['low_profit_lookback_minutes', '… within minutes', true, false],
  ['low_profit_lock_minutes', '… lock the pair for minutes', true, false],
];
const ALL_NUMBER_FIELDS = [...NUMBER_FIELDS, ...PROTECTION_FIELDS];
const SOURCES = ['vip', 'scalping', 'trend', 'qfl', 'ml'] as const;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function SettingsScreen() {
  const { api, me, reloadMe, signOut } = useApp();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [patch, setPatch] = useState<Patch>({});
  const [accounts, setAccounts] = useState<Schemas['ExchangeAccountOut'][]>([]);
  const [liveAccount, setLiveAccount] = useState<number | null>(null);
  const [confirmLive, setConfirmLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { user_id: me.id };

  function show(s: Settings) {
    setSaved(s);
    setPatch({});
    setDraft(Object.fromEntries(ALL_NUMBER_FIELDS.map(([k]) => [k, text(s[k])])));
  }

  useEffect(() => {
    void (async () => {
      const [s, a] = await Promise.all([
        api.GET('/api/users/{user_id}/settings', { params: { path } }),
        api.GET('/api/users/{user_id}/exchanges', { params: { path } }),
      ]);
      if (s.error) { setError(errorText(s.error)); return; }
      show(s.data);
      setAccounts(a.data ?? []);
      setLiveAccount(s.data.exchange_account_id ?? a.data?.find((x) => x.enabled)?.id ?? null);
    })();
  }, []);

  if (!saved) return <Screen title="Settings" testID="screen-settings"><Notice text={error} kind="error" /></Screen>;
  const value = <K extends keyof Patch & keyof Settings>(k: K) => (k in patch ? patch[k] : saved[k]) as Settings[K];
  const change = (p: Patch) => setPatch((old) => ({ ...old, ...p }));

  async function send(body: Schemas['SettingsPatch'], done: string) {
    setBusy(true); setError(null); setInfo(null);
    const { data, error: err } = await api.PATCH('/api/users/{user_id}/settings', { params: { path }, body });
    setBusy(false);
    if (err) { setError(errorText(err)); return false; }
    show(data); setInfo(done);
    return true;
  }

  async function save() {
    const body: Schemas['SettingsPatch'] = { ...patch, confirm_live: false };
    for (const [k, , integer, nullable] of ALL_NUMBER_FIELDS) {
      const raw = (draft[k] ?? '').trim();
      if (raw === text(saved![k])) continue;
      if (raw === '') {
        if (!nullable) { setError(`${k}: a value is required`); return; }
        (body as Record<string, unknown>)[k] = null;
      } else {
        if (!/^-?\d+(\.\d+)?$/.test(raw) || (integer && raw.includes('.'))) { setError(`${k}: not a valid ${integer ? 'whole number' : 'number'}`); return; }
        // Decimals travel as strings: no float rounding on the way to the API.
        (body as Record<string, unknown>)[k] = integer ? Number(raw) : raw;
      }
    }
    await send(body, 'Settings saved.');
  }

  async function goLive() {
    if (liveAccount === null) { setError('Add and enable an exchange account first.'); return; }
    if (await send({ mode: 'live', exchange_account_id: liveAccount, confirm_live: true }, 'Live trading is on: real orders on your exchange.')) setConfirmLive(false);
  }

  async function killSwitch(enabled: boolean) {
    setBusy(true); setError(null);
    const { data, error: err } = await api.PUT('/api/users/{user_id}/kill-switch', { params: { path }, body: { enabled } });
    setBusy(false);
    if (err) setError(errorText(err)); else { show(data); setInfo(enabled ? 'Kill switch on: no new orders.' : 'Kill switch off.'); }
  }

  const sources = value('follow_sources');
  return (
    <ScrollView>
      <Screen title="Settings" testID="screen-settings">
        <Notice text={error} kind="error" testID="settings-error" />
        <Notice text={info} kind="ok" testID="settings-info" />
        <Card testID="kill-switch">
          <Row label="Kill switch" value={saved.kill_switch ? 'ON — no new orders' : 'off'} color={saved.kill_switch ? colors.red : colors.green} testID="kill-switch-state" />
          {saved.global_kill_switch ? <Notice text="The operator stopped all new orders for everyone." /> : null}
          <Button title={saved.kill_switch ? 'Allow new orders again' : 'Stop all new orders'} kind={saved.kill_switch ? 'plain' : 'danger'}
            onPress={() => killSwitch(!saved.kill_switch)} busy={busy} testID="kill-switch-toggle" />
        </Card>
        <Card testID="trading-mode">
          <Row label="Mode" value={saved.mode === 'live' ? 'LIVE — real orders' : 'paper (simulated)'} color={saved.mode === 'live' ? colors.amber : colors.text} testID="settings-mode" />
          {saved.paused_until ? <Row label="Paused until" value={`${saved.paused_until} (${saved.paused_reason ?? ''})`} /> : null}
          {saved.mode === 'paper' ? (confirmLive ? (
            <>
              <Text style={styles.text}>Live trading places real orders with real money on your exchange account. Your email must be verified{me.email_verified ? '' : ' (it is not yet)'}.</Text>
              <Choice label="Exchange account" options={accounts.filter((a) => a.enabled).map((a) => String(a.id))}
                value={String(liveAccount ?? '')} onChange={(id) => setLiveAccount(Number(id))} />
              <Button title="I understand: trade live" kind="danger" onPress={goLive} busy={busy} testID="settings-live-confirm" />
              <Button title="Stay on paper" kind="plain" onPress={() => setConfirmLive(false)} />
            </>
          ) : <Button title="Switch to live…" kind="plain" onPress={() => setConfirmLive(true)} testID="settings-live" />)
            : <Button title="Back to paper" kind="plain" onPress={() => send({ mode: 'paper', confirm_live: false }, 'Back on paper.')} testID="settings-paper" />}
        </Card>
        <Card>
          <Toggle label="Auto-trade signals" value={value('auto_trade')} onChange={(v) => change({ auto_trade: v })} testID="settings-auto-trade" />
          <Text style={styles.label}>Follow</Text>
          {SOURCES.map((s) => (
            <Toggle key={s} label={s} value={sources.includes(s)} testID={`settings-follow-${s}`}
              onChange={(on) => change({ follow_sources: on ? [...sources.filter((x) => x !== s), s] as typeof SOURCES[number][] : sources.filter((x) => x !== s) as typeof SOURCES[number][] })} />
          ))}
          <Choice label="Sizing" options={['fixed', 'percent', 'risk'] as const} value={value('size_type') as 'fixed'} onChange={(v) => change({ size_type: v })} testID="settings-size-type" />
          <Choice label="Leverage" options={['up_to', 'exact'] as const} value={value('leverage_mode') as 'up_to'} onChange={(v) => change({ leverage_mode: v })} />
          {NUMBER_FIELDS.map(([k, label]) => (
            <Field key={k} label={label} value={draft[k] ?? ''} testID={`settings-${k}`} keyboardType="decimal-pad"
              onChangeText={(t) => setDraft((d) => ({ ...d, [k]: t }))} />
          ))}
          <Choice label="A signal without a stop" options={['default_stop', 'skip', 'allow'] as const} value={value('no_stop_policy') as 'skip'}
            onChange={(v) => change({ no_stop_policy: v })} testID="settings-no-stop" />
          <Choice label="A signal against a position held on the same symbol" options={['refuse', 'reverse', 'hedge'] as const}
            value={value('opposite_signal_policy') as 'refuse'} onChange={(v) => change({ opposite_signal_policy: v })} testID="settings-opposite" />
          <Choice label="Breakeven stop" options={['fees', 'plain'] as const} value={value('breakeven_mode') as 'fees'} onChange={(v) => change({ breakeven_mode: v })} />
          <Toggle label="DCA safety orders" value={value('dca_enabled')} onChange={(v) => change({ dca_enabled: v })} />
          <Toggle label="First entry at market" value={value('first_entry_market')} onChange={(v) => change({ first_entry_market: v })} />
          <Toggle label="Skip a signal whose target or stop was already hit" value={value('skip_if_tp_or_sl_hit')} onChange={(v) => change({ skip_if_tp_or_sl_hit: v })} />
          <Text style={[styles.text, { fontWeight: '700' }]}>Protections</Text>
          {PROTECTION_FIELDS.map(([k, label]) => (
            <Field key={k} label={label} value={draft[k] ?? ''} testID={`settings-${k}`} keyboardType="decimal-pad"
              onChangeText={(t) => setDraft((d) => ({ ...d, [k]: t }))} />
          ))}
          <Button title="Save settings" onPress={save} busy={busy} testID="settings-save" />
        </Card>
        <TelegramLink />
        <TwoFactor />
        <Card>
          <Row label="Push notifications" value={Platform.OS === 'web' ? 'not in the browser (use the app)' : 'on this phone'} testID="push-state" />
          {Platform.OS !== 'web' ? <Button title="Register this phone again" kind="plain" onPress={() => registerForPush(api, me.id).then((r) => setInfo(r))} /> : null}
        </Card>
        <Card>
          <Row label="Signed in as" value={me.email} />
          <Row label="Plan" value={me.plan} />
          <Row label="Email" value={me.email_verified ? 'verified' : 'not verified'} />
          <Button title="Log out" kind="plain" onPress={signOut} testID="logout" />
          <Button title="Reload profile" kind="plain" onPress={reloadMe} />
        </Card>
      </Screen>
    </ScrollView>
  );
}

function TwoFactor() {
  const { api, me, reloadMe } = useApp();
  const [enroll, setEnroll] = useState<Schemas['TotpEnrollOut'] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    const { data, error: err } = await api.POST('/api/auth/totp/enroll');
    if (err) setError(errorText(err)); else { setEnroll(data); setError(null); }
  }
  async function confirm() {
    const { data, error: err } = await api.POST('/api/auth/totp/confirm', { body: { code } });
    if (err) { setError(errorText(err)); return; }
    setCodes(data.recovery_codes); setEnroll(null); setCode(''); await reloadMe();
  }
  async function disable() {
    const { error: err } = await api.POST('/api/auth/totp/disable', { body: { password, code } });
    if (err) { setError(errorText(err)); return; }
    setPassword(''); setCode(''); setError(null); await reloadMe();
  }

  return (
    <Card testID="two-factor">
      <Row label="Two-factor (authenticator app)" value={me.totp_enabled ? 'on' : 'off'} testID="totp-state" />
      <Notice text={error} kind="error" />
      {codes ? <Notice kind="ok" testID="totp-recovery" text={`Recovery codes (shown once, keep them safe): ${codes.join('  ')}`} /> : null}
      {me.totp_enabled ? (
        <>
          <Field label="Password" value={password} onChangeText={setPassword} secureTextEntry />
          <Field label="Code" value={code} onChangeText={setCode} keyboardType="number-pad" />
          <Button title="Turn two-factor off" kind="plain" onPress={disable} />
        </>
      ) : enroll ? (
        <>
          <Text style={styles.text} selectable>Add this key to your authenticator: <Text testID="totp-secret">{enroll.secret}</Text></Text>
          <Field label="Code from the app" value={code} onChangeText={setCode} keyboardType="number-pad" testID="totp-code" />
          <Button title="Confirm" onPress={confirm} testID="totp-confirm" />
        </>
      ) : <Button title="Set up two-factor" kind="plain" onPress={start} testID="totp-setup" />}
    </Card>
  );
}

// The user's own Telegram notifications: a one-time deep link opens the bot, which links this account.
function TelegramLink() {
  const { api, me } = useApp();
  const [status, setStatus] = useState<Schemas['TelegramStatus'] | null>(null);
  const [link, setLink] = useState<Schemas['TelegramLink'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { user_id: me.id };

  async function load() {
    const { data, error: err } = await api.GET('/api/users/{user_id}/telegram', { params: { path } });
    if (err) setError(errorText(err)); else setStatus(data);
  }
  useEffect(() => { void load(); }, []);

  async function create() {
    const { data, error: err } = await api.POST('/api/users/{user_id}/telegram/link', { params: { path } });
    if (err) { setError(errorText(err)); return; }
    setLink(data); setError(null);
    if (Platform.OS !== 'web') void Linking.openURL(data.deep_link).catch(() => undefined);
  }
  async function unlink() {
    const { error: err } = await api.DELETE('/api/users/{user_id}/telegram', { params: { path } });
    if (err) setError(errorText(err)); else { setLink(null); await load(); }
  }

  return (
    <Card testID="telegram">
      <Row label="Telegram notifications" value={status?.linked ? 'linked' : 'not linked'} testID="telegram-state" />
      <Notice text={error} kind="error" />
      {link ? (
        <>
          <Text style={styles.text} selectable testID="telegram-link">Open this link in Telegram (works once, until {link.expires_at.slice(0, 16).replace('T', ' ')} UTC): {link.deep_link}</Text>
          <Button title="Open Telegram" onPress={() => void Linking.openURL(link.deep_link).catch(() => undefined)} />
        </>
      ) : null}
      {status?.linked
        ? <Button title="Unlink Telegram" kind="plain" onPress={unlink} testID="telegram-unlink" />
        : <Button title="Link Telegram" kind="plain" onPress={create} testID="telegram-create" />}
      {!status?.linked && link ? <Button title="I opened it: refresh" kind="plain" onPress={load} /> : null}
    </Card>
  );
}
