import { describe, expect, it } from 'vitest';

/**
 * Which Node runs the suite. CI runs every package's tests twice, on the machine's Node 20 and on Node 24 (the
 * current LTS) from a local prefix; it sets `MULTICLOUD_EXPECT_NODE_MAJOR` so a run that silently fell back to
 * another Node fails here instead of passing for the wrong reason.
 */
describe('runtime', () => {
  it('is the Node major CI asked for (when it asked)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    console.info(`[runtime] node ${process.version} (${process.execPath})`);
    expect(major).toBeGreaterThanOrEqual(20);
    const expected = process.env['MULTICLOUD_EXPECT_NODE_MAJOR'];
    if (expected !== undefined && expected !== '') expect(major).toBe(Number(expected));
  });
});
