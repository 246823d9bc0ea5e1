import type { Role, UnitKind } from '@e-cabinet/protocol';

/** A fictional province, so no real body's name is used in demos. */
export const DEMO_UNITS: { code: string; name: string; kind: UnitKind; parent: string | null }[] = [
  { code: 'UBND-AK', name: 'Ủy ban nhân dân tỉnh An Khánh', kind: 'province', parent: null },
  { code: 'VP-UBND', name: 'Văn phòng UBND tỉnh', kind: 'department', parent: 'UBND-AK' },
  { code: 'STC', name: 'Sở Tài chính', kind: 'department', parent: 'UBND-AK' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department', parent: 'UBND-AK' },
  { code: 'STP', name: 'Sở Tư pháp', kind: 'department', parent: 'UBND-AK' },
  { code: 'SYT', name: 'Sở Y tế', kind: 'department', parent: 'UBND-AK' },
  { code: 'XA-TANLAP', name: 'UBND xã Tân Lập', kind: 'commune', parent: 'UBND-AK' },
  { code: 'PHUONG-ANPHU', name: 'UBND phường An Phú', kind: 'commune', parent: 'UBND-AK' },
];

export interface DemoUser {
  username: string;
  password: string;
  fullName: string;
  title: string;
  role: Role;
  unit: string;
}

/** Demo passwords are public (README); `SEED_DEMO=false` in production. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', password: 'Admin@2026', fullName: 'Quản trị hệ thống', title: 'Quản trị viên', role: 'admin', unit: 'VP-UBND' },
  { username: 'thuky', password: 'ThuKy@2026', fullName: 'Nguyễn Thị Thu Hà', title: 'Chánh Văn phòng UBND tỉnh', role: 'secretary', unit: 'VP-UBND' },
  { username: 'thuky2', password: 'ThuKy@2026', fullName: 'Đỗ Thị Hương', title: 'Chuyên viên Văn phòng', role: 'secretary', unit: 'VP-UBND' },
  { username: 'chutich', password: 'ChuTich@2026', fullName: 'Trần Văn Minh', title: 'Chủ tịch UBND tỉnh', role: 'chair', unit: 'UBND-AK' },
  { username: 'phochutich', password: 'DaiBieu@2026', fullName: 'Lê Hoàng Nam', title: 'Phó Chủ tịch UBND tỉnh', role: 'chair', unit: 'UBND-AK' },
  { username: 'taichinh', password: 'DaiBieu@2026', fullName: 'Phạm Thị Lan', title: 'Giám đốc Sở Tài chính', role: 'delegate', unit: 'STC' },
  { username: 'khdt', password: 'DaiBieu@2026', fullName: 'Hoàng Đức Thắng', title: 'Giám đốc Sở Kế hoạch và Đầu tư', role: 'delegate', unit: 'SKHDT' },
  { username: 'tuphap', password: 'DaiBieu@2026', fullName: 'Vũ Thị Mai', title: 'Giám đốc Sở Tư pháp', role: 'delegate', unit: 'STP' },
  { username: 'yte', password: 'DaiBieu@2026', fullName: 'Đặng Quốc Huy', title: 'Giám đốc Sở Y tế', role: 'delegate', unit: 'SYT' },
  { username: 'tanlap', password: 'DaiBieu@2026', fullName: 'Bùi Văn Long', title: 'Chủ tịch UBND xã Tân Lập', role: 'delegate', unit: 'XA-TANLAP' },
  { username: 'anphu', password: 'DaiBieu@2026', fullName: 'Ngô Thị Thanh Xuân', title: 'Chủ tịch UBND phường An Phú', role: 'delegate', unit: 'PHUONG-ANPHU' },
];
