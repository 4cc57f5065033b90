// core/sha256.ts: the key of saved reviews and the upload log's fingerprint.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/sha256.ts';

describe('sha256Hex', () => {
  it('gives the standard digest as lower-case hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes only the bytes of a view, not the buffer behind it', async () => {
    const whole = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex(new TextEncoder().encode('abc')));
  });
});
