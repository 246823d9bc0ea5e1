import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', mongodbUri: null, mongodbDb: 'ecabinet', sessionTtlHours: 12, cookieSecure: false, corsOrigins: [], seedDemo: true });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('turns secure cookies on and demo data off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ cookieSecure: true, seedDemo: false });
  });

  it('reports every bad value at once, naming the variable and the value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', SESSION_TTL_HOURS: '0', COOKIE_SECURE: 'maybe', LOG_LEVEL: 'loud', MONGODB_URI: 'http://x', CORS_ORIGINS: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: expected an integer from 0 to 65535, got "abc"',
        'SESSION_TTL_HOURS: expected an integer from 1 to 720, got "0"',
        'COOKIE_SECURE: expected true or false, got "maybe"',
        expect.stringContaining('LOG_LEVEL'),
        expect.stringContaining('MONGODB_URI'),
        expect.stringContaining('CORS_ORIGINS'),
      ]),
    );
  });

  it('accepts good values', () => {
    expect(loadConfig({ PORT: '8080', COOKIE_SECURE: 'yes', CORS_ORIGINS: 'https://a.gov.vn, https://b.gov.vn', MONGODB_URI: 'mongodb://db:27017/?replicaSet=rs0' })).toMatchObject({
      port: 8080,
      cookieSecure: true,
      corsOrigins: ['https://a.gov.vn', 'https://b.gov.vn'],
      mongodbUri: 'mongodb://db:27017/?replicaSet=rs0',
    });
  });
});
