// cachingProvider: renewal before expiry, one acquisition in flight, invalidation of the cached token only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachingProvider } from '../../src/auth/index.js';

interface T {
  id: number;
  expiresAt?: number;
}

/** An acquisition the test resolves by hand, counting calls. */
function manual(now: () => number, lifetime: number) {
  let count = 0;
  const pending: Array<() => void> = [];
  const acquire = (signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      const id = ++count;
      signal?.addEventListener('abort', () => reject(signal.reason));
      pending.push(() => resolve({ id, expiresAt: now() + lifetime }));
    });
  return {
    acquire,
    count: () => count,
    release: () => {
      for (const r of pending.splice(0)) r();
    },
  };
}

test('100 concurrent calls that find the token expired cause exactly one acquisition', async () => {
  let t = 0;
  const now = () => t;
  const source = manual(now, 10_000);
  const provider = cachingProvider<T>(source.acquire, { now, renewBefore: 1_000 });
  const first = provider.getToken();
  source.release();
  assert.equal((await first).id, 1);
  t = 10_000; // expired
  const all = Array.from({ length: 100 }, () => provider.getToken());
  await Promise.resolve();
  source.release();
  const tokens = await Promise.all(all);
  assert.equal(source.count(), 2);
  assert.ok(tokens.every((tk) => tk.id === 2));
});

test('a token inside its renewal window is still handed out while one background renewal runs', async () => {
  let t = 0;
  const now = () => t;
  const source = manual(now, 10_000);
  const provider = cachingProvider<T>(source.acquire, { now, renewBefore: 1_000 });
  const first = provider.getToken();
  source.release();
  await first;
  t = 9_500; // inside the window, not expired
  const during = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
  assert.deepEqual(
    during.map((tk) => tk.id),
    [1, 1, 1],
  );
  assert.equal(source.count(), 2, 'one renewal started');
  source.release();
  await new Promise((r) => setImmediate(r));
  assert.equal((await provider.getToken()).id, 2);
  assert.equal(source.count(), 2);
});

test('a short-lived token is renewed at half its lifetime, not on every call', async () => {
  let t = 0;
  const now = () => t;
  let count = 0;
  const provider = cachingProvider<T>(async () => ({ id: ++count, expiresAt: t + 10_000 }), {
    now,
    renewBefore: 60_000,
  });
  await provider.getToken();
  t = 4_000;
  await provider.getToken();
  assert.equal(count, 1);
  t = 6_000;
  await provider.getToken();
  await new Promise((r) => setImmediate(r));
  assert.equal(count, 2);
});

test('invalidate drops only the cached token: 100 refusals of the same stale token cause one re-acquisition', async () => {
  let count = 0;
  const provider = cachingProvider<T>(async () => ({ id: ++count }));
  const stale = await provider.getToken();
  const renewed = await Promise.all(
    Array.from({ length: 100 }, async () => {
      provider.invalidate(stale);
      return provider.getToken();
    }),
  );
  assert.equal(count, 2);
  assert.ok(renewed.every((tk) => tk.id === 2));
  provider.invalidate(stale); // late refusal of the old token: ignored
  assert.equal((await provider.getToken()).id, 2);
  provider.invalidate();
  assert.equal((await provider.getToken()).id, 3);
});

test('a failed acquisition fails every waiter, and the next call tries again', async () => {
  let count = 0;
  const provider = cachingProvider<T>(async () => {
    count++;
    if (count === 1) throw new Error('STS down');
    return { id: count };
  });
  const results = await Promise.allSettled([provider.getToken(), provider.getToken()]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  assert.equal((await provider.getToken()).id, 2);
  assert.equal(count, 2);
});

test('the acquisition is aborted only when every waiting caller gave up', async () => {
  let aborted = false;
  const provider = cachingProvider<T>(
    (signal) =>
      new Promise<T>((_resolve, reject) => {
        signal?.addEventListener('abort', () => {
          aborted = true;
          reject(signal.reason);
        });
      }),
  );
  const a = new AbortController();
  const b = new AbortController();
  const pa = provider.getToken(a.signal);
  const pb = provider.getToken(b.signal);
  a.abort(new Error('a gave up'));
  await assert.rejects(pa, /a gave up/);
  assert.equal(aborted, false);
  b.abort(new Error('b gave up'));
  await assert.rejects(pb, /b gave up/);
  assert.equal(aborted, true);
});
