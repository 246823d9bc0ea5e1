import { randomBytes } from 'node:crypto';
import type { CreateUser, Role } from '@e-cabinet/protocol';

/** Someone who can sign in: a username and the password that goes with it. */
export interface Credentials {
  username: string;
  password: string;
}

/** The accounts `SEED_DEMO=true` creates on an empty database (server/src/seed/demo-data.ts). */
export const DEMO = {
  admin: { username: 'admin', password: 'Admin@2026', fullName: 'Quản trị hệ thống', role: 'admin' },
  chair: { username: 'chutich', password: 'ChuTich@2026', fullName: 'Trần Văn Minh', role: 'chair' },
  delegate: { username: 'taichinh', password: 'DaiBieu@2026', fullName: 'Phạm Thị Lan', role: 'delegate' },
  /** A second delegate, for tests where two of them see each other's work. */
  delegate2: { username: 'khdt', password: 'DaiBieu@2026', fullName: 'Hoàng Đức Thắng', role: 'delegate' },
  /** A third delegate, for votes where a majority needs more than two people. */
  delegate3: { username: 'tuphap', password: 'DaiBieu@2026', fullName: 'Vũ Thị Mai', role: 'delegate' },
  secretary: { username: 'thuky', password: 'ThuKy@2026', fullName: 'Nguyễn Thị Thu Hà', role: 'secretary' },
} as const satisfies Record<string, Credentials & { fullName: string; role: Role }>;

/** How each role is shown in the UI, per language (client/src/i18n). */
export const ROLE_LABEL = {
  vi: { admin: 'Quản trị hệ thống', secretary: 'Thư ký', chair: 'Chủ trì', delegate: 'Đại biểu' },
  en: { admin: 'System administrator', secretary: 'Secretary', chair: 'Chair', delegate: 'Delegate' },
} as const satisfies Record<'vi' | 'en', Record<Role, string>>;

/**
 * A username no other test uses, so tests share one database without seeing each other's data.
 * Matches the server's rule: lowercase letters, digits, dot, dash, underscore.
 */
export function uniqueUsername(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A valid new user; pass overrides for what the test cares about. */
export function makeUser(overrides: Partial<CreateUser> = {}): CreateUser {
  const username = overrides.username ?? uniqueUsername();
  return {
    username,
    fullName: `Người thử nghiệm ${username.slice(-6)}`,
    email: null,
    title: null,
    role: 'delegate',
    unitId: null,
    password: 'MatKhau@2026',
    ...overrides,
  };
}
