/**
 * Labels of the shared enums (namespace "enums"), built from the label maps in common/
 * so server exports and the web say the same words.
 */
import { EMPLOYMENT_CATEGORY_LABELS, ORG_KIND_LABELS, PERSON_KIND_LABELS } from '@common/enums';
import { ROLE_LABELS } from '@common/roles';
import type { Messages, MessageTree } from '../types';

type LabelMap = Record<string, { zh: string; en: string }>;

function pick(map: LabelMap, lang: 'zh' | 'en'): MessageTree {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v[lang]]));
}

function tree(lang: 'zh' | 'en'): MessageTree {
  return {
    orgKind: pick(ORG_KIND_LABELS, lang),
    personKind: pick(PERSON_KIND_LABELS, lang),
    employmentCategory: pick(EMPLOYMENT_CATEGORY_LABELS, lang),
    role: pick(ROLE_LABELS, lang),
    // Not in common/ (yet): the server sends gender as a code.
    gender: lang === 'zh' ? { male: '男', female: '女' } : { male: 'Male', female: 'Female' },
  };
}

export const enumMessages: Messages = { 'zh-CN': tree('zh'), en: tree('en') };
