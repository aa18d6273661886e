// Sign up, log in (with the authenticator code when two-factor is on), resend the verification email.
import { useState } from 'react';
import { ScrollView, Text } from 'react-native';

import { errorText, type Api, type Schemas } from '../api/client';
import { Button, Choice, Field, Notice, Screen, styles } from '../ui';

type Mode = 'log in' | 'sign up';

export function AuthScreen({ api, onTokens }: { api: Api; onTokens: (t: Schemas['TokenOut']) => Promise<void> }) {
  const [mode, setMode] = useState<Mode>('log in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpNeeded, setTotpNeeded] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  async function submit() {
    setBusy(true); setError(null); setInfo(null);
    try {
      if (mode === 'sign up') {
        const { error: err } = await api.POST('/api/auth/register', { body: { email, password } });
        if (err) { setError(errorText(err)); return; }
        setInfo('Check your email and open the verification link, then log in.');
        setMode('log in');
        return;
      }
      const isRecovery = code.includes('-') || code.length > 8;
      const { data, error: err, response } = await api.POST('/api/auth/login', {
        body: { email, password, ...(totpNeeded && code ? (isRecovery ? { recovery_code: code } : { totp_code: code }) : {}) },
      });
      if (data) { await onTokens(data); return; }
      if (response.headers.get('X-Verzek-TOTP-Required') === '1') {
        setTotpNeeded(true);
        setError(code ? errorText(err) : 'Enter the 6-digit code from your authenticator app (or a recovery code).');
        return;
      }
      setError(errorText(err));
    } catch (e) {
      setError(errorText(e, 'The server could not be reached'));
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    setBusy(true); setError(null);
    const { data, error: err } = await api.POST('/api/auth/resend-verification', { body: { email } });
    setBusy(false);
    if (err) setError(errorText(err)); else setInfo(data?.message ?? 'Sent.');
  }

  return (
    <ScrollView contentContainerStyle={{ flexGrow: 1 }}>
      <Screen title="Verzek AutoTrader" testID="screen-auth">
        <Text style={styles.text}>Crypto signals, auto-traded on your own exchange account. Paper trading until you choose live.</Text>
        <Choice label="" options={['log in', 'sign up'] as const} value={mode} onChange={(m) => { setMode(m); setError(null); }} testID="auth-mode" />
        <Field label="Email" testID="auth-email" value={email} onChangeText={setEmail} keyboardType="email-address" autoComplete="email" />
        <Field label="Password" testID="auth-password" value={password} onChangeText={setPassword} secureTextEntry
          autoComplete={mode === 'sign up' ? 'new-password' : 'current-password'} onSubmitEditing={submit} />
        {totpNeeded && mode === 'log in' ? (
          <Field label="Authenticator code (or recovery code)" testID="auth-totp" value={code} onChangeText={setCode}
            keyboardType="number-pad" onSubmitEditing={submit} />
        ) : null}
        <Notice text={error} kind="error" testID="auth-error" />
        <Notice text={info} kind="ok" testID="auth-info" />
        <Button title={mode === 'sign up' ? 'Create account' : 'Log in'} onPress={submit} busy={busy} testID="auth-submit"
          disabled={!email || !password} />
        {mode === 'log in' ? <Button title="Resend verification email" kind="plain" onPress={resend} disabled={!email} testID="auth-resend" /> : null}
      </Screen>
    </ScrollView>
  );
}
