import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '../env.ts';
import { createMailer } from './createMailer.ts';

const NOTIFY_KEY = `test-${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}-${'2'.repeat(8)}-2222-2222-2222-${'2'.repeat(12)}`;

function envOf(source: Record<string, string>): Env {
  const parsed = parseEnv(source);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.env;
}

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createMailer', () => {
  it('selects SMTP, Notify, the development outbox, or none', () => {
    const { logger } = capturingLogger();
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'no-reply@example.org' };
    const notify = { NOTIFY_API_KEY: NOTIFY_KEY, NOTIFY_TEMPLATE_ID: '6f0c3f0e-1111-4111-8111-111111111111' };
    expect(createMailer(envOf({ NODE_ENV: 'production', ...smtp }), logger).transport).toBe('smtp');
    expect(createMailer(envOf({ NODE_ENV: 'production', ...notify }), logger).transport).toBe('notify');
    expect(createMailer(envOf({ NODE_ENV: 'development' }), logger).transport).toBe('outbox');
    expect(createMailer(envOf({ NODE_ENV: 'test' }), logger).canSend).toBe(false);
  });

  it('warns at start in production without a transport, and not with one', () => {
    const without = capturingLogger();
    createMailer(envOf({ NODE_ENV: 'production' }), without.logger);
    expect(without.lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      expect.stringContaining('no mail transport'),
    ]);
    const withSmtp = capturingLogger();
    createMailer(
      envOf({ NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail.example.org', MAIL_FROM: 'a@example.org' }),
      withSmtp.logger,
    );
    expect(withSmtp.lines).toEqual([]);
  });

  it('refuses half-configured or doubly configured mail at boot, naming each setting', () => {
    const result = parseEnv({
      SMTP_URL: 'smtp://mail.example.org',
      NOTIFY_API_KEY: NOTIFY_KEY,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'MAIL_FROM: is needed with SMTP_URL',
        'NOTIFY_TEMPLATE_ID: is needed with NOTIFY_API_KEY',
        'NOTIFY_API_KEY: set either SMTP_URL or NOTIFY_API_KEY, not both',
      ]),
    );
    expect(parseEnv({ SMTP_URL: 'http://mail.example.org' }).ok).toBe(false);
  });
});
