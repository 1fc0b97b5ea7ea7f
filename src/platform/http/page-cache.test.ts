import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CacheBudget, PageCache } from './page-cache.js';

const sizeOf = (value: string) => value.length;

test('caches sharing a budget give up their oldest entries, whichever cache holds them', () => {
  let now = 0;
  const budget = new CacheBudget(10);
  const a = new PageCache<string>(30_000, 100, () => now, 60_000, { sizeOf, budget });
  const b = new PageCache<string>(30_000, 100, () => now, 60_000, { sizeOf, budget });
  a.set('/k/a/1', 'aaaa');
  now += 1;
  b.set('/k/a/2', 'bbbb');
  now += 1;
  b.set('/k/a/3', 'cccc');
  assert.equal(a.get('/k/a/1'), undefined, 'the oldest entry of all made room');
  assert.equal(b.get('/k/a/2'), 'bbbb');
  assert.equal(b.get('/k/a/3'), 'cccc');
  assert.equal(budget.usedBytes, 8);
});

test('a value larger than the whole budget is not kept, and nothing else is dropped for it', () => {
  const budget = new CacheBudget(10);
  const cache = new PageCache<string>(30_000, 100, Date.now, 60_000, { sizeOf, budget });
  cache.set('small', 'xx');
  cache.set('huge', 'x'.repeat(11));
  assert.equal(cache.get('huge'), undefined);
  assert.equal(cache.get('small'), 'xx');
  assert.equal(budget.usedBytes, 2);
});

test('entries past their stale window go at the next store, also when nobody asks for them again', () => {
  let now = 0;
  const budget = new CacheBudget(1_000);
  const cache = new PageCache<string>(30_000, 100, () => now, 60_000, { sizeOf, budget });
  for (let i = 0; i < 20; i++) cache.set(`/k/a/konzept?x=${i}`, 'page');
  assert.equal(budget.usedBytes, 80);
  now += 90_000;
  cache.set('/k/a/konzept', 'page');
  assert.equal(cache.size, 1);
  assert.equal(budget.usedBytes, 4);
});

test('dropped pages give their bytes back', () => {
  const budget = new CacheBudget(1_000);
  const cache = new PageCache<string>(30_000, 100, Date.now, 60_000, { sizeOf, budget });
  cache.set('/k/a', 'xxx', 'tenant-a');
  cache.set('/k/b', 'yyyy', 'tenant-b');
  cache.set('/k/b', 'yy', 'tenant-b');
  assert.equal(budget.usedBytes, 5, 'a replaced page counts once');
  cache.invalidateGroup('tenant-a');
  assert.equal(budget.usedBytes, 2);
  cache.invalidate();
  assert.equal(budget.usedBytes, 0);
});
