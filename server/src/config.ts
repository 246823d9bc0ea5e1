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
  /**
   * The organisation's PKCS#12 file (certificate and private key) that signs minutes and notices.
   * Unset: a development certificate is generated once under `DATA_DIR/signing` (see `signing/`).
   */
  signingP12Path: string | null;
  /** Passphrase of `signingP12Path` (kept exactly as given, spaces included). */
  signingP12Passphrase: string;
  /** The issuing body printed top-left on generated documents, e.g. "Ủy ban nhân dân tỉnh An Khánh". */
  orgName: string;
  /** Its parent body (cơ quan chủ quản), printed above it; null for a top-level body. */
  orgParentName: string | null;
  /** Place name of the date line ("An Khánh, ngày 23 tháng 11 năm 2026"). */
  orgPlace: string;
  /** Abbreviation in document numbers ("12/BB-UBND"). */
  orgAbbreviation: string;
  /** The organisation's code (mã định danh, QCVN 102:2016) sending result packages; required for EDXML. */
  orgCode: string | null;
  /** Default receivers of result packages: `DELIVERY_RECEIVERS="000.00.00.G22=Văn phòng UBND tỉnh;…"`. */
  deliveryReceivers: { code: string; name: string }[];
  /** The document-management system's webhook for result packages; null: no webhook connector. */
  webhookUrl: string | null;
  /** HMAC-SHA256 key of the webhook signature; required with `webhookUrl`. */
  webhookSecret: string | null;
  /** Folder the EDXML connector writes packages to (atomically); null: none. */
  edxmlDir: string | null;
  /** URL the EDXML connector POSTs packages to; null: none. At most one of `edxmlDir`, `edxmlUrl`. */
  edxmlUrl: string | null;
  /** Attempts per package and connector before it goes to the dead-letter state. */
  deliveryMaxAttempts: number;
  /** First retry delay; it doubles with every failure (with jitter), up to an hour. */
  deliveryBackoffMs: number;
  /** How long one HTTP attempt may take before it counts as failed. */
  deliveryTimeoutMs: number;
  /** How often the task reminder scheduler looks for reminders that are due (TASK_REMINDER_INTERVAL_MS). */
  taskReminderIntervalMs: number;
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
  const signingP12Path = env.SIGNING_P12_PATH?.trim() || null;
  const signingP12Passphrase = env.SIGNING_P12_PASSPHRASE ?? '';
  if (!signingP12Path && signingP12Passphrase !== '') {
    problems.push('SIGNING_P12_PASSPHRASE: set, but SIGNING_P12_PATH (the PKCS#12 file it opens) is not');
  }
  const orgText = (name: string, fallback: string | null): string | null => {
    const value = (env[name]?.trim() || fallback)?.normalize('NFC') ?? null;
    // eslint-disable-next-line no-control-regex
    if (value !== null && (value.length > 200 || /[\u0000-\u001f\u007f]/.test(value))) {
      problems.push(`${name}: expected at most 200 characters without control characters, got "${env[name]}"`);
    }
    return value;
  };
  const orgName = orgText('ORG_NAME', 'Ủy ban nhân dân tỉnh An Khánh') ?? '';
  const orgParentName = orgText('ORG_PARENT_NAME', null);
  const orgPlace = orgText('ORG_PLACE', 'An Khánh') ?? '';
  const orgAbbreviation = str('ORG_ABBREVIATION', 'UBND').normalize('NFC');
  if (!/^[\p{Lu}\p{Nd}][\p{Lu}\p{Nd}.&-]{0,19}$/u.test(orgAbbreviation)) {
    problems.push(`ORG_ABBREVIATION: expected capital letters, digits, ".", "&" or "-" (at most 20), such as UBND or SKHĐT, got "${orgAbbreviation}"`);
  }
  const orgCode = env.ORG_CODE?.trim() || null;
  const ORGAN_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
  if (orgCode && !ORGAN_CODE.test(orgCode)) problems.push(`ORG_CODE: expected an organisation code such as 000.00.00.H41 (letters, digits, ".", "_", "-"), got "${orgCode}"`);
  const deliveryReceivers: Config['deliveryReceivers'] = [];
  for (const entry of str('DELIVERY_RECEIVERS', '').split(';').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const code = entry.slice(0, eq).trim();
    const name = entry.slice(eq + 1).trim().normalize('NFC');
    if (eq < 0 || !ORGAN_CODE.test(code) || !name || name.length > 300) problems.push(`DELIVERY_RECEIVERS: expected "code=Name" entries separated by ";", got "${entry}"`);
    else deliveryReceivers.push({ code, name });
  }
  const httpUrl = (name: string): string | null => {
    const value = env[name]?.trim() || null;
    if (value && !/^https?:\/\/\S+$/.test(value)) problems.push(`${name}: expected an http(s) URL, got "${value}"`);
    return value;
  };
  const webhookUrl = httpUrl('WEBHOOK_URL');
  const webhookSecret = env.WEBHOOK_SECRET ?? null;
  if (webhookUrl && (webhookSecret === null || webhookSecret.length < 16)) problems.push('WEBHOOK_SECRET: expected at least 16 characters (the HMAC key the receiver shares), as WEBHOOK_URL is set');
  if (!webhookUrl && webhookSecret) problems.push('WEBHOOK_SECRET: set, but WEBHOOK_URL (the receiver it signs for) is not');
  const edxmlDir = env.EDXML_DIR?.trim() || null;
  const edxmlUrl = httpUrl('EDXML_URL');
  if (edxmlDir && edxmlUrl) problems.push('EDXML_DIR, EDXML_URL: set one of them, not both');
  if ((edxmlDir || edxmlUrl) && !orgCode) problems.push('ORG_CODE: required when EDXML_DIR or EDXML_URL is set (the sender code of EDXML packages)');

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
    signingP12Path: signingP12Path ? path.resolve(REPO_ROOT, signingP12Path) : null,
    signingP12Passphrase,
    orgName,
    orgParentName,
    orgPlace,
    orgAbbreviation,
    orgCode,
    deliveryReceivers,
    webhookUrl,
    webhookSecret: webhookUrl ? webhookSecret : null,
    edxmlDir: edxmlDir ? path.resolve(REPO_ROOT, edxmlDir) : null,
    edxmlUrl,
    deliveryMaxAttempts: int('DELIVERY_MAX_ATTEMPTS', 8, 1, 100),
    deliveryBackoffMs: int('DELIVERY_BACKOFF_MS', 5000, 10, 3_600_000),
    deliveryTimeoutMs: int('DELIVERY_TIMEOUT_MS', 30_000, 100, 600_000),
    taskReminderIntervalMs: int('TASK_REMINDER_INTERVAL_MS', 60_000, 1000, 24 * 3_600_000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
