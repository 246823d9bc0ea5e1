import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineCase } from '../case.ts';
import { api, signIn } from '../http.ts';
import { scannedPdf } from '../pdf.ts';
import { rssKb } from '../proc.ts';
import { summarize } from '../stats.ts';

const SECRETARY = { username: 'thuky', password: 'ThuKy@2026' };

/** A Word file of `pages` pages, written by LibreOffice from HTML. */
function wordFile(pages: number): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecab-bench-docx-'));
  try {
    const body = Array.from({ length: pages }, (_, i) => `<h1${i ? ' style="page-break-before: always"' : ''}>Phần ${i + 1}: Báo cáo tình hình kinh tế - xã hội</h1>${'<p>Trong kỳ, các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch; thu ngân sách tăng, đầu tư công được đẩy nhanh.</p>'.repeat(12)}`).join('');
    fs.writeFileSync(path.join(dir, 'bao-cao.html'), `<html><body>${body}</body></html>`);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, path.join(dir, 'bao-cao.html')], { stdio: 'ignore', timeout: 180_000 });
    return fs.readFileSync(path.join(dir, 'bao-cao.docx'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of the server while `fn` runs, sampled every 20 ms (VmHWM cannot be reset). */
async function peakRss(pid: number, fn: () => Promise<void>): Promise<{ beforeKb: number; peakKb: number }> {
  const beforeKb = rssKb(pid);
  let peakKb = beforeKb;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, rssKb(pid));
  }, 20);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return { beforeKb, peakKb: Math.max(peakKb, rssKb(pid)) };
}

export default defineCase({
  name: 'upload',
  description: 'A 100 MB scanned PDF and a 30-page .docx uploaded to an agenda item: time and server memory',
  async run(ctx) {
    const cookie = await signIn(ctx.baseUrl, SECRETARY);
    const dir = (await (await fetch(`${ctx.baseUrl}/api/directory`, { headers: { cookie } })).json()) as { users: { id: string; role: string }[] };
    const chairId = dir.users.find((u) => u.role === 'chair')!.id;
    const start = new Date(Date.now() + 86400_000);
    const meeting = await api(ctx.baseUrl, cookie, 'POST', '/api/meetings', { title: 'Bench', kind: 'regular', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), participants: [{ userId: chairId, role: 'chair' }] });
    const agenda = await api(ctx.baseUrl, cookie, 'POST', `/api/meetings/${String(meeting.id)}/agenda`, { title: 'Nội dung 1', durationMinutes: 30 });
    const itemId = (agenda.items as { id: string }[])[0]!.id;

    const upload = async (bytes: Buffer, filename: string) => {
      const t = performance.now();
      const res = await fetch(`${ctx.baseUrl}/api/meetings/${String(meeting.id)}/agenda/${itemId}/documents?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      const json = (await res.json()) as { current?: { pageCount: number } };
      if (res.status !== 201) throw new Error(`upload ${filename}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return { ms: performance.now() - t, pages: json.current!.pageCount };
    };

    ctx.log('upload: building a 100 MB scanned PDF…');
    const big = scannedPdf(10_000);
    let bigMs = 0;
    const mem = await peakRss(ctx.serverPid, async () => {
      bigMs = (await upload(big, 'scan-100mb.pdf')).ms;
    });
    ctx.log('upload: writing a 30-page .docx with LibreOffice…');
    const docx = wordFile(30);
    const converted = await upload(docx, 'bao-cao-30-trang.docx');
    return {
      measurements: {
        'upload 100 MB PDF (store, check, rewrite)': { count: 1, seconds: bigMs / 1000, perSecond: 1000 / bigMs, latencyMs: summarize([bigMs]) },
        [`upload ${converted.pages}-page .docx (convert to PDF)`]: { count: 1, seconds: converted.ms / 1000, perSecond: 1000 / converted.ms, latencyMs: summarize([converted.ms]) },
      },
      values: {
        pdfMegabytes: Math.round(big.length / 1e5) / 10,
        serverRssBeforeKb: mem.beforeKb,
        serverRssPeakKb: mem.peakKb,
        serverRssGrowthKb: mem.peakKb - mem.beforeKb,
        docxPages: converted.pages,
      },
    };
  },
});
