// Storage adapter for oidc-provider (sessions, interactions, codes, grants, refresh tokens). One store per dev
// provider instance, so several instances in one test process stay apart, and the store outlives the Provider
// object: rotateKeys() builds a new Provider on the same store and nobody is logged out.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export interface MemoryStore {
  adapterFor(model: string): Adapter;
}

export function createMemoryStore(): MemoryStore {
  const entries = new Map<string, Entry>();
  const uidIndex = new Map<string, string>();
  const userCodeIndex = new Map<string, string>();
  const grantMembers = new Map<string, Set<string>>();

  function get(key: string): AdapterPayload | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  function adapterFor(model: string): Adapter {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') uidIndex.set(payload.uid, id);
        if (typeof payload.userCode === 'string') userCodeIndex.set(payload.userCode, id);
        if (GRANTABLE.has(model) && typeof payload.grantId === 'string') {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grantMembers.set(payload.grantId, members);
        }
      },
      async find(id) {
        return get(keyOf(id));
      },
      async findByUid(uid) {
        const id = uidIndex.get(uid);
        return id === undefined ? undefined : get(keyOf(id));
      },
      async findByUserCode(userCode) {
        const id = userCodeIndex.get(userCode);
        return id === undefined ? undefined : get(keyOf(id));
      },
      async consume(id) {
        const payload = get(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) entries.delete(key);
        grantMembers.delete(grantId);
      },
    };
  }

  return { adapterFor };
}
