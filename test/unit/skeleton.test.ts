import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

describe('skeleton', () => {
  it('README starts with the start and test commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/npm start/);
    expect(readme).toMatch(/npm test/);
  });
});
