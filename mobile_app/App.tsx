import { StatusBar } from 'expo-status-bar';
import { useEffect, useMemo, useState } from 'react';
import { Platform, Pressable, SafeAreaView, Text, View } from 'react-native';

import { Auth, errorText, makeApi, type Schemas } from './src/api/client';
import { loadSession } from './src/api/session';
import { apiBaseUrl } from './src/config';
import { Ctx, type AppContext } from './src/context';
import { registerForPush } from './src/push';
import { AuthScreen } from './src/screens/AuthScreen';
import { EquityScreen } from './src/screens/EquityScreen';
import { ExchangesScreen } from './src/screens/ExchangesScreen';
import { PositionsScreen } from './src/screens/PositionsScreen';
import { SettingsScreen } from './src/screens/SettingsScreen';
import { SignalsScreen } from './src/screens/SignalsScreen';
import { Button, Notice, colors, styles } from './src/ui';

const TABS = { signals: SignalsScreen, positions: PositionsScreen, equity: EquityScreen, exchanges: ExchangesScreen, settings: SettingsScreen };
type Tab = keyof typeof TABS;

export default function App() {
  const baseUrl = useMemo(() => { try { return apiBaseUrl(); } catch { return null; } }, []);
  const auth = useMemo(() => new Auth(baseUrl ?? ''), [baseUrl]);
  const api = useMemo(() => makeApi(baseUrl ?? '', auth), [baseUrl, auth]);
  const [me, setMe] = useState<Schemas['UserOut'] | null>(null);
  const [ready, setReady] = useState(false);
  const [tab, setTab] = useState<Tab>('signals');
  const [error, setError] = useState<string | null>(null);

  async function reloadMe() {
    const { data, error: err } = await api.GET('/api/me');
    if (data) setMe(data); else if (err) setError(errorText(err));
  }

  async function signedIn(tokens: Schemas['TokenOut']) {
    await auth.set(tokens);
    const { data } = await api.GET('/api/me');
    if (data) {
      setTab('signals');  // a new session starts on the feed, not on the last user's screen
      setMe(data);
      if (Platform.OS !== 'web') void registerForPush(api, data.id).catch(() => undefined);
    }
  }

  async function signOut() {
    await api.POST('/api/auth/logout', { body: { everywhere: false } }).catch(() => undefined);
    await auth.set(null);
    setMe(null);
  }

  useEffect(() => {
    auth.onSignedOut = () => setMe(null);
    void (async () => {
      auth.session = await loadSession();
      if (auth.session) await reloadMe().catch(() => undefined);
      setReady(true);
    })();
  }, [auth]);

  if (!baseUrl) return <Shell><Notice kind="error" text="The backend URL is not configured (EXPO_PUBLIC_API_URL or expo.extra.apiBaseUrl)." /></Shell>;
  if (!ready) return <Shell><Text style={styles.label}>Loading…</Text></Shell>;
  if (!me) return <Shell><AuthScreen api={api} onTokens={signedIn} /></Shell>;

  const Current = TABS[tab];
  const ctx: AppContext = { api, me, reloadMe, signOut };
  return (
    <Ctx.Provider value={ctx}>
      <Shell>
        {!me.email_verified ? (
          <View style={{ padding: 8 }}>
            <Notice testID="unverified" text="Your email is not verified yet: open the link we sent (live trading needs it)." />
            <Button title="Resend the link" kind="plain" onPress={async () => {
              const { error: err } = await api.POST('/api/auth/resend-verification', { body: { email: me.email } });
              setError(err ? errorText(err) : null);
              await reloadMe();
            }} testID="resend-verification" />
          </View>
        ) : null}
        <Notice text={error} kind="error" />
        <View style={{ flex: 1 }}><Current /></View>
        <View style={{ flexDirection: 'row', borderTopWidth: 1, borderColor: colors.border }} accessibilityRole="tablist">
          {(Object.keys(TABS) as Tab[]).map((t) => (
            <Pressable key={t} onPress={() => setTab(t)} testID={`tab-${t}`} accessibilityRole="tab" accessibilityState={{ selected: t === tab }}
              style={{ flex: 1, paddingVertical: 12, alignItems: 'center', backgroundColor: t === tab ? colors.card : 'transparent' }}>
              <Text style={{ color: t === tab ? colors.accent : colors.dim, fontWeight: '700', textTransform: 'capitalize' }}>{t}</Text>
            </Pressable>
          ))}
        </View>
      </Shell>
    </Ctx.Provider>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <SafeAreaView style={{ flex: 1, backgroundColor: colors.bg }}>
      <StatusBar style="light" />
      {children}
    </SafeAreaView>
  );
}
