// The storage behind oidc-provider's models (codes, tokens, grants, sessions, interactions), one per server.
//
// oidc-provider's bundled MemoryAdapter is not used: it keeps one module-wide LRU shared by every Provider in
// the process (two stand-ins would see each other's tokens) and it prints a "development-only adapter" warning.
// This store implements the adapter contract of lib/adapters/memory_adapter.js — including revokeByGrantId,
// which oidc-provider calls to kill every token of a sign-in when a spent code or refresh token is replayed —
// and adds two things: a cap per model (see ArtifactStoreOptions) and, for tests, ageBy().

import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * Time fields, in seconds since the epoch, that oidc-provider writes into stored payloads and later compares
 * with `Date.now()`: expiry and issue times (lib/models/base_model.js), the first issue of a refresh-token
 * family (`iiat`), sign-in times (`authTime`, `loginTs`) and the moment a code or refresh token was spent.
 */
const EPOCH_FIELDS = ['iat', 'exp', 'nbf', 'iiat', 'authTime', 'loginTs', 'consumed'] as const;

/**
 * Expired entries are kept this long so that oidc-provider, which checks `exp` itself, can say "expired" rather than
 * "not found".
 */
const EXPIRED_GRACE_MS = 10 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;

interface Entry {
  readonly model: string;
  payload: AdapterPayload;
  /** Milliseconds since the epoch; undefined when oidc-provider gave no lifetime. */
  expiresAt: number | undefined;
}

const epochSeconds = (): number => Math.floor(Date.now() / 1000);

export interface ArtifactStoreOptions {
  /**
   * The most artifacts kept of each named model, e.g. `{ Interaction: 1000 }`. Storing one more forgets the one of
   * that model stored (or last updated) longest ago: a cap never refuses a new artifact, it evicts the oldest, as
   * oidc-provider's own MemoryAdapter (an LRU of 1,000) does. Models not named have no cap. Default: none.
   */
  readonly maxPerModel?: Readonly<Record<string, number>>;
  /** Called with the model's name each time an artifact is forgotten to keep its model under the cap. Default: none. */
  readonly onEvict?: (model: string) => void;
}

export class ArtifactStore {
  readonly #entries = new Map<string, Entry>();
  /** Keys of each model, least recently stored first (a Set keeps insertion order; an upsert re-inserts). */
  readonly #keysByModel = new Map<string, Set<string>>();
  readonly #maxPerModel: Readonly<Record<string, number>>;
  readonly #onEvict: (model: string) => void;
  readonly #keysByGrant = new Map<string, Set<string>>();
  readonly #sessionKeyByUid = new Map<string, string>();
  readonly #keyByUserCode = new Map<string, string>();
  #lastSweep = Date.now();

  constructor({ maxPerModel = {}, onEvict = () => {} }: ArtifactStoreOptions = {}) {
    this.#maxPerModel = maxPerModel;
    this.#onEvict = onEvict;
  }

  /** The `adapter` factory for oidc-provider's configuration: one adapter per model name, all backed by this store. */
  readonly adapterFactory = (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.#upsert(model, key(id), payload, expiresIn),
      find: async (id) => this.#find(key(id)),
      findByUid: async (uid) => {
        const sessionKey = this.#sessionKeyByUid.get(uid);
        return sessionKey === undefined ? undefined : this.#find(sessionKey);
      },
      findByUserCode: async (userCode) => {
        const codeKey = this.#keyByUserCode.get(userCode);
        return codeKey === undefined ? undefined : this.#find(codeKey);
      },
      consume: async (id) => {
        const entry = this.#entries.get(key(id));
        if (entry) entry.payload.consumed = epochSeconds();
      },
      destroy: async (id) => this.#delete(key(id)),
      revokeByGrantId: async (grantId) => {
        for (const grantKey of [...(this.#keysByGrant.get(grantId) ?? [])]) {
          if (this.#entries.get(grantKey)?.model === model) this.#delete(grantKey);
        }
      },
    };
  };

  /**
   * Makes everything stored `seconds` older, as if that much time had passed: each time field of each
   * payload (issued, expires, signed in, spent) and the store's own expiry move back. Artifacts created
   * afterwards are not affected.
   *
   * oidc-provider reads the time from `Date.now()` (lib/helpers/epoch_time.js) and offers no clock option,
   * so tests age the artifacts instead of moving the clock: a code aged 61 s fails as "expired" exactly as a
   * code that waited 61 s, without faking the process-wide clock that the HTTP stack also uses.
   */
  ageBy(seconds: number): void {
    for (const entry of this.#entries.values()) {
      for (const field of EPOCH_FIELDS) {
        const value = entry.payload[field];
        if (typeof value === 'number') entry.payload[field] = value - seconds;
      }
      if (entry.expiresAt !== undefined) entry.expiresAt -= seconds * 1000;
    }
  }

  /**
   * Makes every stored artifact of `model` (e.g. `AccessToken`) that has not yet expired expire now, as if its
   * lifetime had just run out; nothing else changes. Returns how many were expired.
   */
  expireAll(model: string): number {
    const now = epochSeconds();
    let expired = 0;
    for (const entry of this.#entries.values()) {
      const { exp } = entry.payload;
      if (entry.model !== model || typeof exp !== 'number' || exp <= now) continue;
      entry.payload.exp = now;
      entry.expiresAt = now * 1000;
      expired += 1;
    }
    return expired;
  }

  /** Number of stored artifacts, for tests and diagnostics. */
  get size(): number {
    return this.#entries.size;
  }

  /** Number of stored artifacts of each model that has any, by model name in alphabetical order. */
  countByModel(): Record<string, number> {
    const counts = [...this.#keysByModel].map(([model, keys]) => [model, keys.size] as const);
    return Object.fromEntries(counts.sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  clear(): void {
    this.#entries.clear();
    this.#keysByModel.clear();
    this.#keysByGrant.clear();
    this.#sessionKeyByUid.clear();
    this.#keyByUserCode.clear();
  }

  #upsert(model: string, key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    this.#sweepNow();
    this.#delete(key);
    const stored = structuredClone(payload);
    this.#entries.set(key, {
      model,
      payload: stored,
      expiresAt: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000,
    });
    const modelKeys = this.#keysByModel.get(model) ?? new Set<string>();
    modelKeys.add(key);
    this.#keysByModel.set(model, modelKeys);
    if (typeof stored.grantId === 'string') {
      const keys = this.#keysByGrant.get(stored.grantId) ?? new Set<string>();
      keys.add(key);
      this.#keysByGrant.set(stored.grantId, keys);
    }
    if (model === 'Session' && typeof stored.uid === 'string') this.#sessionKeyByUid.set(stored.uid, key);
    if (typeof stored.userCode === 'string') this.#keyByUserCode.set(stored.userCode, key);
    this.#evictOverCap(model, modelKeys);
  }

  /** Forgets the oldest artifacts of `model` while it has more than its cap; the one just stored is the newest. */
  #evictOverCap(model: string, modelKeys: Set<string>): void {
    const cap = this.#maxPerModel[model];
    if (cap === undefined) return;
    for (const oldest of modelKeys) {
      if (modelKeys.size <= cap) return;
      this.#delete(oldest);
      this.#onEvict(model);
    }
  }

  #find(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt + EXPIRED_GRACE_MS <= Date.now()) {
      this.#delete(key);
      return undefined;
    }
    return structuredClone(entry.payload);
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    const modelKeys = this.#keysByModel.get(entry.model);
    modelKeys?.delete(key);
    if (modelKeys?.size === 0) this.#keysByModel.delete(entry.model);
    const { grantId, uid, userCode } = entry.payload;
    if (typeof grantId === 'string') {
      const keys = this.#keysByGrant.get(grantId);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByGrant.delete(grantId);
    }
    if (typeof uid === 'string' && this.#sessionKeyByUid.get(uid) === key) this.#sessionKeyByUid.delete(uid);
    if (typeof userCode === 'string' && this.#keyByUserCode.get(userCode) === key) this.#keyByUserCode.delete(userCode);
  }

  /** Drops long-expired entries, at most once a minute, so a stand-in left running does not grow without bound. */
  #sweepNow(): void {
    const now = Date.now();
    if (now - this.#lastSweep < SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt + EXPIRED_GRACE_MS <= now) this.#delete(key);
    }
  }
}
