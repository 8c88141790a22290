/**
 * The watch queue, driven by hand: the test decides when the quiet spell ends and when
 * a build finishes, so nothing depends on timing.
 */
import { describe, expect, it } from 'vitest';
import { createQueue, type Schedule } from '../../src/dev/queue.js';

function harness() {
  const timers: (() => void)[] = [];
  const schedule: Schedule = (callback) => {
    timers.push(callback);
    return () => {
      const i = timers.indexOf(callback);
      if (i !== -1) timers.splice(i, 1);
    };
  };
  const batches: string[][] = [];
  const finishers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const thrown: [unknown, readonly string[]][] = [];
  const queue = createQueue(
    (paths) =>
      new Promise<void>((resolve, reject) => {
        batches.push([...paths]);
        finishers.push({ resolve, reject });
      }),
    schedule,
    (error, paths) => thrown.push([error, paths]),
  );
  const elapse = () => {
    const due = timers.splice(0);
    for (const callback of due) callback();
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const finish = async () => {
    finishers.shift()?.resolve();
    // Let the queue's promise callbacks run.
    await settle();
  };
  const fail = async (error: Error) => {
    finishers.shift()?.reject(error);
    await settle();
  };
  return { queue, timers, batches, elapse, finish, fail, thrown };
}

describe('the change queue', () => {
  it('gathers a burst of events into one build of distinct paths', () => {
    const { queue, batches, elapse, timers } = harness();
    queue.add(['posts/a.md']);
    queue.add(['posts/a.md', 'posts/b.md']);
    queue.add(['posts/a.md']);
    expect(timers).toHaveLength(1);
    expect(batches).toEqual([]);
    elapse();
    expect(batches).toEqual([['posts/a.md', 'posts/b.md']]);
  });

  it('never runs two builds at once; changes during a build make exactly one more', async () => {
    const { queue, batches, elapse, finish, timers } = harness();
    queue.add(['posts/a.md']);
    elapse();
    queue.add(['posts/b.md']);
    queue.add(['posts/c.md']);
    queue.add(['posts/b.md']);
    expect(timers).toHaveLength(0);
    expect(batches).toHaveLength(1);
    await finish();
    expect(timers).toHaveLength(1);
    elapse();
    expect(batches).toEqual([['posts/a.md'], ['posts/b.md', 'posts/c.md']]);
    await finish();
    expect(timers).toHaveLength(0);
    await queue.idle();
  });

  it('is idle only when nothing waits or runs, and closes after the running build', async () => {
    const { queue, elapse, finish } = harness();
    let idle = false;
    queue.add(['site.yaml']);
    void queue.idle().then(() => (idle = true));
    elapse();
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    await finish();
    expect(idle).toBe(true);
    queue.add(['posts/a.md']);
    elapse();
    const closed = queue.close();
    queue.add(['posts/b.md']);
    await finish();
    await closed;
  });

  it('hands a build that throws to onError, and the next change still builds', async () => {
    const { queue, batches, elapse, fail, finish, thrown } = harness();
    queue.add(['posts/a.md']);
    elapse();
    queue.add(['posts/b.md']);
    const disk = new Error('EIO: i/o error, write');
    await fail(disk);
    expect(thrown).toEqual([[disk, ['posts/a.md']]]);
    elapse();
    expect(batches).toEqual([['posts/a.md'], ['posts/b.md']]);
    await finish();
    queue.add(['posts/c.md']);
    elapse();
    expect(batches).toHaveLength(3);
    await finish();
    await queue.idle();
    expect(thrown).toHaveLength(1);
  });
});
