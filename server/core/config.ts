import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** postgres://… or, when absent, an SQLite file under dataDir. */
  databaseUrl: string;
  /** Set behind HTTPS so cookies carry the Secure flag. */
  secureCookies: boolean;
  sessionDays: number;
  /** Background scheduler; tests switch it off and drive ticks by hand. */
  jobs: boolean;
  logLevel: string;
  webDir: string;
  /** Writes per minute per account (signed in) and per client address (anonymous); 0 = off. */
  writeLimits: { perAccount: number; perIp: number };
  /** Sign-in attempts per minute per client address (a school behind one NAT needs more); accounts also lock after repeated failures. */
  loginLimitPerIp: number;
  /** Intranet group-robot hosts an admin allowed (XQ_WEBHOOK_ALLOW_HOSTS, comma-separated); all others must be public addresses. */
  webhookAllowHosts: string[];
  /** Key text for sealed secrets (XQ_SECRET_KEY); absent → DATA_DIR/secret.key (core/secrets.ts). */
  secretKey?: string;
}

export function webhookAllowHosts(env: NodeJS.ProcessEnv): string[] {
  return (env.XQ_WEBHOOK_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL ?? path.join(dataDir, 'xinqiao.sqlite'),
    secureCookies: env.SECURE_COOKIES === '1',
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    jobs: env.XQ_JOBS !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    writeLimits: { perAccount: Number(env.XQ_WRITE_LIMIT_ACCOUNT ?? 120), perIp: Number(env.XQ_WRITE_LIMIT_IP ?? 300) },
    loginLimitPerIp: Number(env.XQ_LOGIN_LIMIT_IP ?? 30),
    webhookAllowHosts: webhookAllowHosts(env),
    secretKey: env.XQ_SECRET_KEY || undefined,
    ...overrides,
  };
}
