import type { CaseResult } from './case.ts';
import type { CpuPercent } from './proc.ts';

export interface Machine {
  cores: number;
  node: string;
  db: string;
  /** 1-minute load average when the bench started; above the core count, the figures are noise. */
  loadAverage: number;
}

/** Text table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Latencies: two decimals under 10 ms, one under 100 ms, none above. */
export function ms(v: number): string {
  return v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0);
}

function rate(v: number): string {
  return v.toFixed(v < 100 ? 1 : 0);
}

export function renderMachine(m: Machine): string {
  const busy = m.loadAverage > m.cores / 2 ? ' (the machine is busy: figures will be low and noisy)' : '';
  return `E-Cabinet bench: ${m.cores} cores, Node ${m.node}, load average ${m.loadAverage}${busy}\nDatabase: ${m.db}\n`;
}

export function renderCase(name: string, description: string, result: CaseResult, cpu: CpuPercent): string {
  const rows = Object.entries(result.measurements).map(([label, m]) => [
    label,
    String(m.count),
    rate(m.perSecond),
    ms(m.latencyMs.p50),
    ms(m.latencyMs.p99),
    ms(m.latencyMs.max),
  ]);
  const out = [`== ${name}: ${description}`, table(['measurement', 'n', 'per s', 'p50 ms', 'p99 ms', 'max ms'], rows)];
  const values = Object.entries(result.values ?? {});
  if (values.length) out.push(values.map(([k, v]) => `${k}: ${v}`).join(', '));
  const db = cpu.database === null ? '' : `, database ${cpu.database}%`;
  out.push(`CPU over the case (100% = one core): server ${cpu.server}%${db}, bench ${cpu.bench}%`);
  return `${out.join('\n')}\n`;
}
