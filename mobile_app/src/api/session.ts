// The signed-in session (access + refresh token), kept across restarts: SecureStore on a phone,
// localStorage in a browser (SecureStore has no web implementation).
import * as SecureStore from 'expo-secure-store';
import { Platform } from 'react-native';

// expiresAt: when to refresh (epoch ms), a margin before the access token really expires.
export type Session = { accessToken: string; refreshToken: string; expiresAt: number };

const KEY = 'verzek.session';

export async function loadSession(): Promise<Session | null> {
  try {
    const text = Platform.OS === 'web' ? globalThis.localStorage?.getItem(KEY) : await SecureStore.getItemAsync(KEY);
    if (!text) return null;
    const parsed = JSON.parse(text) as Session;
    return parsed.refreshToken ? parsed : null;
  } catch {
    return null;
  }
}

export async function saveSession(session: Session | null): Promise<void> {
  const text = session ? JSON.stringify(session) : null;
  if (Platform.OS === 'web') {
    if (text) globalThis.localStorage?.setItem(KEY, text);
    else globalThis.localStorage?.removeItem(KEY);
    return;
  }
  if (text) await SecureStore.setItemAsync(KEY, text);
  else await SecureStore.deleteItemAsync(KEY);
}
