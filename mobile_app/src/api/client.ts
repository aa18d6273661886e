// The one API client of the app: openapi-fetch typed by schema.d.ts, which scripts/gen_api_client.py
// generates from the API's own OpenAPI schema (a test regenerates it and fails on any difference).
import createClient, { type Middleware } from 'openapi-fetch';

import type { components, paths } from './schema';
import { saveSession, type Session } from './session';

export type Schemas = components['schemas'];
export type Api = ReturnType<typeof createClient<paths>>;

// Refresh this long before the access token expires: a minute, or a quarter of a short lifetime.
const refreshMargin = (lifetimeMs: number) => Math.min(60_000, lifetimeMs / 4);

export class Auth {
  session: Session | null = null;
  private refreshing: Promise<void> | null = null;
  onSignedOut: () => void = () => {};

  constructor(private readonly baseUrl: string) {}

  async set(tokens: Schemas['TokenOut'] | null): Promise<void> {
    this.session = tokens
      ? { accessToken: tokens.access_token, refreshToken: tokens.refresh_token,
          expiresAt: Date.now() + tokens.expires_in * 1000 - refreshMargin(tokens.expires_in * 1000) }
      : null;
    await saveSession(this.session);
  }

  // Refresh tokens rotate on every use: one refresh at a time, shared by concurrent requests.
  async fresh(): Promise<string | null> {
    if (!this.session) return null;
    if (Date.now() >= this.session.expiresAt) {
      this.refreshing ??= this.refresh().finally(() => { this.refreshing = null; });
      await this.refreshing;
    }
    return this.session?.accessToken ?? null;
  }

  private async refresh(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    if (!refreshToken) return;
    // A bare client (no auth middleware) so the refresh call cannot recurse into itself.
    const bare = createClient<paths>({ baseUrl: this.baseUrl });
    const { data, response } = await bare.POST('/api/auth/refresh', { body: { refresh_token: refreshToken } });
    if (data) {
      await this.set(data);
    } else if (response.status === 401 || response.status === 422) {
      await this.set(null);
      this.onSignedOut();
    }
  }
}

export function makeApi(baseUrl: string, auth: Auth): Api {
  const api = createClient<paths>({ baseUrl });
  const middleware: Middleware = {
    async onRequest({ request, schemaPath }) {
      if (schemaPath.startsWith('/api/auth/') && schemaPath !== '/api/auth/logout' && !schemaPath.startsWith('/api/auth/totp')) {
        return request;
      }
      const token = await auth.fresh();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response, schemaPath }) {
      if (response.status === 401 && !schemaPath.startsWith('/api/auth/') && auth.session) {
        await auth.set(null);
        auth.onSignedOut();
      }
      return response;
    },
  };
  api.use(middleware);
  return api;
}

// The API answers errors as {"error": "..."} (validation: {"error": "validation failed", "details": [...]}).
export function errorText(error: unknown, fallback = 'Something went wrong'): string {
  if (!error) return fallback;
  if (typeof error === 'string') return error;
  const body = error as { error?: unknown; details?: { loc?: unknown[]; msg?: string }[] };
  if (Array.isArray(body.details) && body.details.length) {
    return body.details.map((d) => `${(d.loc ?? []).slice(-1).join('.')}: ${d.msg ?? ''}`).join('; ');
  }
  if (typeof body.error === 'string') return body.error;
  if (body.error) return JSON.stringify(body.error);
  if (error instanceof Error) return error.message;
  return fallback;
}
