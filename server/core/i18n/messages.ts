/**
 * Server-side message catalogue. Chinese is the default; English when the caller asks
 * (Accept-Language: en…). Core files add their keys with `defineMessages`; a module lists
 * its entries in its declaration and the composition root registers them
 * (`registerMessages`), so the catalogue stays one lookup and no import has a side effect.
 */
export type Locale = 'zh-CN' | 'en';
export type MessageEntry = readonly [zh: string, en: string];
type Entry = MessageEntry;

const catalogue = new Map<string, Entry>();

export function defineMessages<K extends string>(entries: Record<K, Entry>): Record<K, K> {
  const keys = {} as Record<K, K>;
  for (const [k, v] of Object.entries(entries) as [K, Entry][]) {
    catalogue.set(k, v);
    keys[k] = k;
  }
  return keys;
}

/** The keys of a module's entries, for use in code; registering them is the composition root's job. */
export function messageKeys<K extends string>(entries: Record<K, Entry>): Record<K, K> {
  return Object.fromEntries(Object.keys(entries).map((k) => [k, k])) as Record<K, K>;
}

/** Adds a module's entries; a key already holding a different text is a start-up error. */
export function registerMessages(owner: string, entries: Readonly<Record<string, Entry>>): void {
  for (const [k, v] of Object.entries(entries)) {
    const had = catalogue.get(k);
    if (had && (had[0] !== v[0] || had[1] !== v[1])) throw new Error(`消息键重复 / message key '${k}' of '${owner}' is already defined with another text`);
    catalogue.set(k, v);
  }
}

export function t(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const entry = catalogue.get(key);
  let text = entry ? (locale === 'en' ? entry[1] : entry[0]) : key;
  if (params) text = text.replace(/\{(\w+)\}/g, (_, p) => (p in params ? String(params[p]) : `{${p}}`));
  return text;
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export const M = defineMessages({
  'validation.date': ['日期格式应为 YYYY-MM-DD 且为有效日期', 'Expected a valid date as YYYY-MM-DD'],
  'validation.idempotencyKey': ['Idempotency-Key 应为 8–100 位字母、数字或 _-:.', 'Idempotency-Key must be 8–100 letters, digits or _-:.'],
  'validation.idempotencyKeyUnlinked': [
    '无记名投票不接受 Idempotency-Key：保存重试记录会把投票人和选择联系起来；请去掉该请求头，重试时若提示已投票即表示已计入',
    'A secret ballot takes no Idempotency-Key: a stored retry would link the voter to the choice; drop the header — on a retry, "already voted" means the ballot was counted',
  ],
  'validation.nul': ['不能包含空字符（\\0）', 'Must not contain NUL characters (\\0)'],
  'validation.controlChar': ['不能包含控制字符（制表符、换行除外）', 'Must not contain control characters (other than tab and line breaks)'],
  'validation.bidi': [
    '不能包含改变文字方向的控制符（U+202A–U+202E、U+2066–U+2069）',
    'Must not contain text-direction overrides (U+202A–U+202E, U+2066–U+2069)',
  ],
  'validation.zeroWidth': [
    '名称中不能包含零宽字符（U+200B–U+200D、U+2060、U+FEFF）',
    'Names must not contain zero-width characters (U+200B–U+200D, U+2060, U+FEFF)',
  ],
  'validation.id': ['编号格式不正确', 'Malformed id'],
  'validation.cursor': ['翻页位置（after）无效，请回到第一页重新翻看', 'The page position (after) is not valid; go back to the first page'],
  'validation.cursorSort': ['翻页位置（after）只能用于列表的默认排序', "The page position (after) works only with the list's default order"],
  'validation.pageBeyondCount': [
    '页码（page）超出可计数的前 {cap} 条，请用「下一页」继续翻看',
    'The page number (page) is past the first {cap} counted rows; go on with "next page"',
  ],
  'error.validation': ['请求参数有误，请检查标出的字段', 'The request has invalid fields'],
  'error.notFound': ['未找到该记录，或您无权查看', 'Not found, or you may not see it'],
  'error.routeNotFound': ['接口不存在', 'No such endpoint'],
  'error.unauthenticated': ['请先登录', 'Please sign in'],
  'error.forbidden': ['您没有执行此操作的权限', 'You may not do this'],
  'error.csrf': ['页面已过期，请刷新后重试', 'The page has expired; reload and try again'],
  'error.conflict': ['数据已被修改或已存在，请刷新后重试', 'The data changed or already exists; reload and try again'],
  'error.inUse': ['该记录仍被其他记录引用，不能删除或修改', 'Other records still refer to this one; it cannot be deleted or changed'],
  'error.rateLimited': ['操作过于频繁，请稍后再试', 'Too many requests; try again later'],
  'error.unavailable': ['数据库暂时不可用，请稍后再试', 'The database is unavailable; try again shortly'],
  'error.internal': ['服务器内部错误，请稍后再试', 'Internal server error; try again later'],
  'error.payloadTooLarge': ['提交的内容过大', 'The request is too large'],
  'error.unsupportedMedia': ['不支持的内容类型', 'Unsupported content type'],
  'error.expectedJson': ['请求内容应为 JSON（Content-Type: application/json）', 'The request body must be JSON (Content-Type: application/json)'],
  'error.expectedMultipart': ['请以 multipart/form-data 表单上传文件', 'Upload the file as multipart/form-data'],
  'error.badMultipart': ['上传的表单不完整或格式不正确，请重新选择文件上传', 'The upload form is incomplete or malformed; choose the file and upload again'],
  'error.tooManyParts': ['上传的文件或字段过多', 'Too many files or fields in the upload'],
  'error.badJson': ['请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  'error.idempotencyMismatch': ['该幂等键已用于另一个请求', 'This Idempotency-Key was used for a different request'],
  'auth.badCredentials': ['用户名或密码错误', 'Wrong username or password'],
  'auth.locked': ['连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试', 'Too many failed sign-ins; the account is locked for {minutes} minutes'],
  'auth.wrongPassword': ['当前密码不正确', 'The current password is wrong'],
  'auth.weakPassword': ['新密码至少 8 位，且须同时包含字母和数字', 'The new password needs at least 8 characters with letters and digits'],
  'org.cycle': ['不能把组织移动到它自己的下级', 'An org cannot move under its own subtree'],
  'org.hasChildren': ['该组织下还有下级组织或人员，不能删除', 'The org still has children or people'],
  'org.rootForbidden': ['只有系统管理员可以创建顶级组织', 'Only a system admin may create a top-level org'],
  'people.duplicateUsername': ['用户名或手机号已被使用', 'The username or phone is already taken'],
  'import.hasErrors': ['文件中有 {count} 处错误，请修改后重新上传', 'The file has {count} errors; fix them and upload again'],
  'import.notPreview': ['该导入批次已处理，不能再次确认', 'This import was already processed'],
  'import.badFile': [
    '无法读取该文件，请上传 .xlsx、.xls 格式的 Excel 文件或 .csv 文件',
    'Cannot read the file; upload an .xlsx or .xls workbook or a .csv file',
  ],
  'calendar.range': ['日期范围不能超过 400 天', 'The date range may not exceed 400 days'],
});
