/** Select options for the shared enums, labelled in the current language. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_CATEGORIES, ORG_KINDS, PERSON_KINDS } from '@common/enums';

export type EnumName = 'orgKind' | 'personKind' | 'employmentCategory' | 'role' | 'gender';

const VALUES = {
  orgKind: ORG_KINDS,
  personKind: PERSON_KINDS,
  employmentCategory: EMPLOYMENT_CATEGORIES,
} as const;

/** Label for a code; unknown codes (or labels the server already localised) show as sent. */
export function useEnumLabel(): (name: EnumName, value: string | null | undefined) => string {
  const { t } = useTranslation('enums');
  return useCallback((name, value) => (value ? t(`${name}.${value}`, { defaultValue: value }) : ''), [t]);
}

export function useEnumOptions(name: keyof typeof VALUES): { value: string; label: string }[] {
  const { t, i18n } = useTranslation('enums');
  return useMemo(
    () => VALUES[name].map((v) => ({ value: v, label: t(`${name}.${v}`) })),
    // i18n.language: relabel when the language changes.
    [name, t, i18n.language],
  );
}
