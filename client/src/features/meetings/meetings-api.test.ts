import { describe, expect, it } from 'vitest';
import { sortDirectory } from './meetings-api';

describe('sortDirectory', () => {
  it('orders people and units the Vietnamese way', () => {
    const user = (fullName: string) => ({ id: fullName, fullName, title: null, unitId: null, role: 'delegate' as const });
    const unit = (name: string) => ({ id: name, name, code: name, parentId: null });
    const sorted = sortDirectory({
      users: [user('Đỗ Thị Hương'), user('Trần Văn Minh'), user('Bùi Văn Long'), user('Đặng Quốc Huy')],
      units: [unit('Sở Y tế'), unit('Sở Tài chính')],
    });
    // Đ sorts after D and before E in Vietnamese.
    expect(sorted.users.map((u) => u.fullName)).toEqual(['Bùi Văn Long', 'Đặng Quốc Huy', 'Đỗ Thị Hương', 'Trần Văn Minh']);
    expect(sorted.units.map((u) => u.name)).toEqual(['Sở Tài chính', 'Sở Y tế']);
  });
});
