import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, so `.data/` and `client/dist` resolve the same from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  /** When unset, the local database is found or started (see `db/local-db.ts`). */
  mongodbUri: string | null;
  mongodbDb: string;
  dataDir: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /** Allowed CORS origins; empty means CORS is off (the client is served from the same origin). */
  corsOrigins: string[];
  bodyLimitBytes: number;
  loginMaxAttempts: number;
  loginRateLimitPerMinute: number;
  seedDemo: boolean;
  serveClient: boolean;
  clientDist: string;
  /** Largest accepted upload, in bytes. */
  uploadLimitBytes: number;
  /** SMTP server for invitations, e.g. smtp://user:pass@mail.example.gov.vn:587; unset keeps mail queued. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The address people open the app at, for links in emails. */
  publicUrl: string;
  /** LibreOffice's command, for Word/Excel/PowerPoint to PDF. */
  sofficePath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the configuration from environment variables. Every bad value is reported
 * at once, each with the variable name, what was expected and what was given.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}: expected true or false, got "${raw}"`);
    return fallback;
  };
  const str = (name: string, fallback: string): string => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  };

  const mongodbUri = env.MONGODB_URI?.trim() || null;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) {
    problems.push(`MONGODB_URI: expected a mongodb:// or mongodb+srv:// URI, got "${mongodbUri}"`);
  }
  const mongodbDb = str('MONGODB_DB', 'ecabinet');
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(mongodbDb)) {
    problems.push(`MONGODB_DB: expected letters, digits, "_" or "-" (at most 63), got "${mongodbDb}"`);
  }
  const logLevel = str('LOG_LEVEL', 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const corsOrigins = str('CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: "${origin}" is not an origin like https://example.gov.vn`);
    }
  }
  const host = str('HOST', '127.0.0.1');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/\S+$/.test(smtpUrl)) problems.push(`SMTP_URL: expected smtp:// or smtps://, got "${smtpUrl}"`);
  const publicUrl = str('PUBLIC_URL', 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(publicUrl)) problems.push(`PUBLIC_URL: expected an http(s) URL, got "${publicUrl}"`);

  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host,
    mongodbUri,
    mongodbDb,
    dataDir: path.resolve(REPO_ROOT, str('DATA_DIR', '.data')),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: bool('COOKIE_SECURE', production),
    logLevel: LOG_LEVELS.includes(logLevel) ? logLevel : 'info',
    trustProxy: bool('TRUST_PROXY', false),
    corsOrigins,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', 5, 1, 100),
    loginRateLimitPerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 30, 1, 100000),
    seedDemo: bool('SEED_DEMO', !production),
    serveClient: bool('SERVE_CLIENT', true),
    clientDist: path.resolve(REPO_ROOT, str('CLIENT_DIST', 'client/dist')),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 100 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    smtpUrl,
    mailFrom: str('MAIL_FROM', 'E-Cabinet <no-reply@e-cabinet.local>'),
    publicUrl,
    sofficePath: str('SOFFICE_PATH', 'soffice'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
