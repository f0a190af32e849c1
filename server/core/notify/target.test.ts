import { describe, expect, it } from 'vitest';
import { classifyHost, isAllowedHost, parseIpv4, parseIpv6 } from './target.js';
import { resolveTarget } from './robot.js';

// Every spelling a URL or a resolver accepts for a non-public address (inet_aton forms, IPv6 with embedded IPv4, trailing dots).
const BLOCKED = [
  '127.0.0.1',
  '127.1',
  '127.0.1',
  '2130706433',
  '0x7f000001',
  '0x7f.0.0.1',
  '0177.0.0.1',
  '0177.0.0.01',
  '017700000001',
  '127.255.255.254',
  '127.0.0.1.',
  '0.0.0.0',
  '0',
  '0.1.2.3',
  '10.0.0.1',
  '10.255.255.255',
  '012.1.2.3',
  '0xa.0.0.1',
  '167772161',
  '172.16.0.1',
  '172.31.255.255',
  '0xac.0x10.0.1',
  '192.168.1.1',
  '3232235777',
  '100.64.0.1',
  '100.127.255.255',
  '169.254.169.254',
  '2852039166',
  '0xa9fea9fe',
  '224.0.0.1',
  '239.255.255.250',
  '255.255.255.255',
  '240.0.0.1',
  '192.0.0.8',
  '192.0.2.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '::1',
  '[::1]',
  '::',
  '[::]',
  '0:0:0:0:0:0:0:1',
  '::ffff:127.0.0.1',
  '[::ffff:127.0.0.1]',
  '::ffff:7f00:1',
  '[::ffff:7f00:1]',
  '::ffff:10.0.0.1',
  '::ffff:192.168.0.1',
  '::ffff:169.254.169.254',
  '::127.0.0.1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf::1',
  'fec0::1',
  'ff02::1',
  'ff05::1:3',
  '64:ff9b::7f00:1',
  '64:ff9b::10.1.2.3',
  '2002:7f00:1::',
  '2002:c0a8:101::1',
  '2001:db8::1',
  '2001:0:4136:e378::1',
  '100::1',
  'localhost',
  'LOCALHOST',
  'localhost.',
  'localhost..',
  'a.localhost',
  'printer.local',
  'metadata.google.internal',
  'intranet',
  'robot',
  '',
  '[',
  '1:2:3',
  '[fe80::1]',
];
const PUBLIC = [
  '1.1.1.1',
  '8.8.8.8',
  '114.114.114.114',
  '223.5.5.5',
  '100.63.255.255',
  '100.128.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '192.169.0.1',
  '169.253.0.1',
  '11.0.0.1',
  '2001:4860:4860::8888',
  '2400:3200::1',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
];

describe('which addresses a group robot may have (SSRF)', () => {
  it.each(BLOCKED)('refuses %j', (host) => expect(classifyHost(host)).toBe('blocked'));
  it.each(PUBLIC)('lets the public address %j through', (host) => expect(classifyHost(host)).toBe('public'));

  it('leaves ordinary robot host names to be resolved and judged again', () => {
    for (const h of ['qyapi.weixin.qq.com', 'oapi.dingtalk.com', 'OAPI.DINGTALK.COM.']) expect(classifyHost(h)).toBe('name');
  });

  it('reads IPv4 in every form the resolver accepts, and IPv6 with :: and an IPv4 tail', () => {
    expect(parseIpv4('2130706433')).toEqual([127, 0, 0, 1]);
    expect(parseIpv4('0x7f.1')).toEqual([127, 0, 0, 1]);
    expect(parseIpv4('0177.0.0.1')).toEqual([127, 0, 0, 1]);
    expect(parseIpv4('256.0.0.1')).toBeNull();
    expect(parseIpv4('4294967296')).toBeNull();
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });

  it('opens only the hosts an admin allowed, whatever their case or trailing dot', () => {
    expect(isAllowedHost('Robot.Intra.', ['robot.intra'])).toBe(true);
    expect(isAllowedHost('[::1]', ['::1'])).toBe(true);
    expect(isAllowedHost('127.0.0.2', ['127.0.0.1'])).toBe(false);
    expect(isAllowedHost('x', [' ', ''])).toBe(false);
  });

  it('refuses before connecting, by the address the URL resolves to, and pins an allowed one', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://2130706433:9/',
      'http://0x7f.1:9/',
      'http://[::ffff:127.0.0.1]:9/',
      'http://localhost.:9/',
      'http://[fe80::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'ftp://8.8.8.8/',
      'http://u:p@8.8.8.8/',
    ])
      expect(await resolveTarget(url, [])).toBeNull();
    expect(await resolveTarget('http://127.0.0.1:9/', ['127.0.0.1'])).toMatchObject({ address: '127.0.0.1', family: 4 });
    expect(await resolveTarget('http://8.8.8.8/', [])).toMatchObject({ address: '8.8.8.8' });
  });
});
