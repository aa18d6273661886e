// Where the API lives. Configuration, never a hard-coded host:
//  1. EXPO_PUBLIC_API_URL at build time (`EXPO_PUBLIC_API_URL=https://api.example.com npx expo export`),
//  2. app.json `expo.extra.apiBaseUrl` (native builds),
//  3. in a browser, the origin that served the web build plus the base path the server announced in
//     index.html (`<meta name="verzek-base-path">`, e.g. an API Gateway stage `/dev`): `verzek local` and
//     the cloud serve the app and the API from one origin, so the web build needs no configuration.
import Constants from 'expo-constants';
import { Platform } from 'react-native';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function apiBaseUrl(): string {
  const fromEnv = process.env.EXPO_PUBLIC_API_URL;
  if (fromEnv) return trimSlash(fromEnv);
  const extra = Constants.expoConfig?.extra as { apiBaseUrl?: unknown } | undefined;
  if (typeof extra?.apiBaseUrl === 'string' && extra.apiBaseUrl) return trimSlash(extra.apiBaseUrl);
  if (Platform.OS === 'web' && typeof window !== 'undefined') {
    const base = document.querySelector('meta[name="verzek-base-path"]')?.getAttribute('content') ?? '';
    return trimSlash(window.location.origin + base);
  }
  throw new Error('The backend URL is not configured: set EXPO_PUBLIC_API_URL or expo.extra.apiBaseUrl.');
}
