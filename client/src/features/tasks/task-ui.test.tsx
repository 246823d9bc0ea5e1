import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { Task } from '@e-cabinet/protocol';
import { setLocale } from '../../i18n';
import { TaskBarChart } from './TaskBarChart';
import { TaskTable } from './TaskTable';

const makeTask = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  meetingId: 'm1',
  meetingTitle: 'Phiên họp thường kỳ',
  itemId: 'i1',
  itemTitle: 'Báo cáo kinh tế - xã hội',
  conclusionRef: null,
  description: 'Hoàn thiện dự thảo báo cáo',
  assigneeUnitId: 'u1',
  assigneeUnitName: 'Sở Tài chính',
  assigneeUserId: null,
  assigneeUserName: null,
  deadline: '2030-05-10T16:59:59.999Z',
  priority: 'normal',
  status: 'in_progress',
  progress: 40,
  doneAt: null,
  onTime: null,
  overdue: false,
  result: null,
  createdBy: 'x',
  createdByName: 'Thư ký',
  createdAt: '2030-05-01T03:00:00.000Z',
  updatedAt: '2030-05-01T03:00:00.000Z',
  version: 2,
  canReport: true,
  canManage: false,
  ...over,
});

afterEach(() => setLocale('vi'));

describe('task table', () => {
  it('marks late tasks and offers updates only where the caller may report', () => {
    const now = new Date('2030-05-12T03:00:00.000Z');
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <TaskTable tasks={[makeTask(), makeTask({ id: 't2', canReport: false, status: 'done', onTime: true, progress: 100 })]} now={now} caption="Việc của tôi" onUpdate={() => {}} />
      </MemoryRouter>,
    );
    expect(html).toContain('Quá hạn 2 ngày');
    expect(html).toContain('task-row-overdue');
    expect(html).toContain('Đúng hạn');
    expect(html.match(/>Cập nhật</g)).toHaveLength(1);
    expect(html).toContain('href="/tasks/t1"');
  });
});

describe('dashboard chart', () => {
  it('is an image with a title and description, bars scaled to a round maximum', () => {
    const rows = [
      { unitId: 'a', unitName: 'Sở Tài chính', assigned: 8, doneOnTime: 4, doneLate: 1, overdue: 1, open: 2, onTimeRate: 4 / 6 },
      { unitId: 'b', unitName: 'Sở Xây dựng', assigned: 2, doneOnTime: 0, doneLate: 0, overdue: 0, open: 2, onTimeRate: null },
    ];
    const html = renderToStaticMarkup(<TaskBarChart rows={rows} />);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title');
    expect(html).toContain('Nhiệm vụ theo đơn vị');
    // Axis to 10: the first unit's bar spans 8/10 of the 440 px bar area.
    const widths = [...html.matchAll(/class="task-chart-(doneOnTime|doneLate|overdue|open)"/g)].length;
    expect(widths).toBe(5);
    expect(html).toContain('width="176"');
    expect(html).toMatch(/66,7\s?%/);
    expect(html).toContain('—');
  });
});
