import { describe, expect, it } from 'vitest';
import { workerCount } from './workers';

const postgres = { DATABASE_URL: 'postgres://rapport@db.example/rapport' };

describe('RAPPORT_WORKERS', () => {
  it('defaults to one process on the embedded database and one per core on PostgreSQL', () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ DATABASE_URL: '' }, 8)).toBe(1);
    expect(workerCount(postgres, 8)).toBe(8);
    expect(workerCount({ ...postgres, RAPPORT_WORKERS: ' ' }, 8)).toBe(8);
  });

  it('takes a whole number of processes', () => {
    expect(workerCount({ ...postgres, RAPPORT_WORKERS: '3' }, 8)).toBe(3);
    expect(workerCount({ RAPPORT_WORKERS: '1' }, 8)).toBe(1);
    for (const value of ['0', '-1', '1.5', 'two', '2x', '10000']) {
      expect(() => workerCount({ ...postgres, RAPPORT_WORKERS: value }, 8)).toThrow(`RAPPORT_WORKERS must be a whole number from 1 to 9999 (processes), not "${value}"`);
    }
  });

  it('refuses more than one process on the embedded database, saying why', () => {
    expect(() => workerCount({ RAPPORT_WORKERS: '2' }, 8)).toThrow(
      'RAPPORT_WORKERS=2 needs PostgreSQL: the embedded database (PGlite) can be opened by one process only.',
    );
  });
});
