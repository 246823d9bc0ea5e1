import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './case.ts';

const CASES_DIR = path.join(import.meta.dirname, 'cases');

/**
 * Every case in cases/, one `export default defineCase({...})` per file, in file-name order.
 * Adding a case is adding a file; nothing else lists them.
 */
export async function loadCases(): Promise<BenchCase[]> {
  const files = fs
    .readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
  const cases: BenchCase[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(CASES_DIR, file)).href)) as { default?: Partial<BenchCase> };
    const c = mod.default;
    if (typeof c?.name !== 'string' || typeof c.run !== 'function' || typeof c.description !== 'string') {
      throw new Error(`bench/src/cases/${file} must \`export default defineCase({ name, description, run })\``);
    }
    if (cases.some((other) => other.name === c.name)) throw new Error(`Two cases are named "${c.name}".`);
    cases.push(c as BenchCase);
  }
  return cases;
}
