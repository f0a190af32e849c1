/** A message tree: nested objects whose leaves are strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The same keys as the Chinese tree, so a missing English string fails the type check. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Messages = Record<Language, MessageTree>;

/** Chinese first: it is the product's language; English must mirror it key for key. */
export function defineMessages<T extends MessageTree>(zh: T, en: Translation<T>): Messages {
  return { 'zh-CN': zh, en: en as MessageTree };
}
