import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  OWASP_SCRYPT_COST,
  verifyPassword,
} from '../../../src/server/teachers/password-hash';

// A low cost keeps the suite fast; one test uses the real cost to prove it runs within maxmem.
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', TEST_COST);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    const first = await hashPassword('same password', TEST_COST);
    const second = await hashPassword('same password', TEST_COST);
    expect(first).not.toBe(second);
    expect(first).not.toContain('same password');
  });

  it('stores its cost, so old hashes still verify after the cost is raised', async () => {
    const hash = await hashPassword('old password', TEST_COST);
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('old password', hash)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    for (const stored of [
      '',
      'scrypt',
      'bcrypt$1$2$3$a$b',
      'scrypt$x$8$1$c2FsdA==$a2V5',
      'scrypt$0$8$1$c2FsdA==$a2V5',
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('hashes at OWASP’s cost (N=2^17) without exceeding scrypt’s memory limit', async () => {
    const hash = await hashPassword('a real cost password', OWASP_SCRYPT_COST);
    expect(await verifyPassword('a real cost password', hash)).toBe(true);
  }, 20_000);
});
