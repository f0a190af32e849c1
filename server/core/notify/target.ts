/**
 * Which network addresses a group robot may live at. Robots are public internet services
 * (WeCom, DingTalk); a URL that points the server at itself or at the intranet turns the
 * robot test into a port scanner (SSRF). The verdict is taken on the address the name
 * resolves to, and that same address is then used for the connection (robot.ts), so a DNS
 * answer that changes between check and connect cannot slip through.
 */

/** Reads an IPv4 address the way inet_aton does (and so getaddrinfo and WHATWG URLs): 1–4 parts, each decimal, 0-octal or 0x-hex. */
export function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(p)) n = Number(p);
    else return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  const bytes = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** Eight 16-bit groups, or null. Accepts '::', an embedded dotted IPv4 tail and a zone id. */
export function parseIpv6(host: string): number[] | null {
  let s = host.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  let tail: number[] = [];
  const v4 = s.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const b = v4[2].split('.').map(Number);
    if (b.some((x) => x > 255)) return null;
    tail = [b[0] * 256 + b[1], b[2] * 256 + b[3]];
    s = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const want = 8 - tail.length;
  const fill = halves.length === 2 ? want - head.length - rest.length : 0;
  if (fill < (halves.length === 2 ? 1 : 0) || head.length + rest.length + fill !== want) return null;
  return [...head.map((g) => parseInt(g, 16)), ...Array(fill).fill(0), ...rest.map((g) => parseInt(g, 16)), ...tail];
}

/** Why an IPv4 address is no robot's: loopback, private, CGNAT, link-local, this-network, multicast, reserved, broadcast, documentation. */
function ipv4Blocked([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

function ipv6Blocked(g: number[]): boolean {
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4 = [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255];
  if (zeroTo(6)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zeroTo(5) && g[5] === 0xffff) return ipv4Blocked(v4); // IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Blocked(v4); // NAT64
  if (g[0] === 0x2002) return ipv4Blocked([g[1] >> 8, g[1] & 255, g[2] >> 8, g[2] & 255]); // 6to4
  return (
    (g[0] & 0xfe00) === 0xfc00 || // unique-local
    (g[0] & 0xffc0) === 0xfe80 || // link-local
    (g[0] & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (g[0] & 0xff00) === 0xff00 || // multicast
    (g[0] === 0x2001 && g[1] === 0x0db8) || // documentation
    (g[0] === 0x2001 && g[1] === 0) || // Teredo tunnels to anywhere
    (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) // discard prefix
  );
}

export type TargetVerdict = 'public' | 'blocked' | 'name';

/**
 * 'blocked' for an address (in any spelling) or a name no robot may have; 'public' for an
 * address on the internet; 'name' for a host name that must be resolved and each of its
 * addresses judged again.
 */
export function classifyHost(host: string): TargetVerdict {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === '') return 'blocked';
  const v6 = parseIpv6(h);
  if (v6) return ipv6Blocked(v6) ? 'blocked' : 'public';
  if (h.includes(':')) return 'blocked';
  const v4 = parseIpv4(h);
  if (v4) return ipv4Blocked(v4) ? 'blocked' : 'public';
  const name = h.replace(/\.+$/, '');
  if (name === '' || name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || !name.includes('.'))
    return 'blocked';
  return 'name';
}

/** Host names an admin allowed for intranet robots (XQ_WEBHOOK_ALLOW_HOSTS), compared without case and trailing dot. */
export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.+$/, '');
  const h = norm(host);
  return allowHosts.some((a) => a.trim() !== '' && norm(a) === h);
}
