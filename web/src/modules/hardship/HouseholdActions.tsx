import { useTranslation } from 'react-i18next';
import { ASSISTANCE_KINDS, CALLBACK_MONTHS } from '@common/hardship';
import { ActionBar, type ActionFieldKind, type ActionForm } from '../../shared/ActionBar';
import { todayInShanghai as today } from '../../shared/time';
import { useHouseholdAction, type ProfileDetail } from './api';
import { useLabel } from './labels';

type Action = 'visits' | 'approve' | 'refuse' | 'file' | 'reviews' | 'exit' | 'callbacks' | 'assistance';

const yuanField: ActionFieldKind = { number: { min: 0, precision: 2 } };
const sizeField: ActionFieldKind = { number: { min: 1, max: 30 } };
/** Amounts are typed in yuan and sent in fen. */
const FEN_FIELDS: Record<string, string> = { householdIncome: 'householdIncomeFen', amount: 'amountFen' };

/** What an officer may do next with a file, each a form; the server decides (`can`) and re-checks. */
export function HouseholdActions({ h }: { h: ProfileDetail }) {
  const { t } = useTranslation('hardship');
  const label = useLabel();
  const act = useHouseholdAction(h.id);

  const forms: Record<Action, ActionForm> = {
    visits: {
      title: t('action.visit'),
      tone: 'primary',
      initial: { visitedOn: today() },
      fields: [
        { name: 'visitedOn', kind: 'date', label: t('action.visitedOn'), required: true },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
      ],
    },
    approve: { title: t('action.approve'), tone: 'primary', fields: [{ name: 'note', kind: 'text', label: t('action.note') }] },
    refuse: { title: t('action.refuse'), tone: 'danger', fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    file: { title: t('action.file'), tone: 'primary', fields: [] },
    reviews: {
      title: t('action.review'),
      initial: { householdSize: h.householdSize, householdIncome: h.householdIncomeFen / 100, outcome: 'continue' },
      fields: [
        { name: 'householdIncome', kind: yuanField, label: t('action.income'), required: true },
        { name: 'householdSize', kind: sizeField, label: t('action.size'), required: true },
        {
          name: 'outcome',
          kind: {
            options: [
              { value: 'continue', label: t('action.continue') },
              { value: 'exit', label: t('action.exitOutcome') },
            ],
          },
          label: t('action.outcome'),
          required: true,
        },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
      ],
    },
    exit: { title: t('action.exit'), tone: 'danger', fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    callbacks: {
      title: t('action.callback'),
      initial: { relapse: false, month: h.callbacks?.find((c) => !c.doneOn && !c.cancelled)?.month },
      fields: [
        {
          name: 'month',
          kind: { options: CALLBACK_MONTHS.map((m) => ({ value: m, label: t('detail.months', { n: m }) })) },
          label: t('action.month'),
          required: true,
        },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
        { name: 'relapse', kind: 'check', label: t('action.relapse') },
      ],
    },
    assistance: {
      title: t('action.assist'),
      initial: { givenOn: today(), kind: 'living' },
      fields: [
        { name: 'kind', kind: { options: ASSISTANCE_KINDS.map((k) => ({ value: k, label: label.kind(k) })) }, label: t('action.kind'), required: true },
        { name: 'amount', kind: yuanField, label: t('action.amount'), required: true },
        { name: 'givenOn', kind: 'date', label: t('action.givenOn'), required: true },
        { name: 'fund', kind: 'text', label: t('action.fund'), required: true },
        { name: 'deliveredBy', kind: 'text', label: t('action.deliveredBy'), required: true },
        { name: 'note', kind: 'text', label: t('action.note') },
      ],
    },
  };

  const buttons: Action[] = [];
  if (h.can.visit) buttons.push('visits');
  if (h.can.decide) buttons.push(...(h.status === 'verified' ? (['approve'] as const) : []), 'refuse');
  if (h.can.file) buttons.push('file');
  if (h.can.assist) buttons.push('assistance');
  if (h.can.review) buttons.push('reviews', 'exit');
  if (h.can.callback) buttons.push('callbacks');

  return (
    <ActionBar<Action>
      prefix="hardship"
      forms={forms}
      buttons={buttons}
      mutation={act}
      okText={t('action.submit')}
      doneText={t('action.done')}
      toBody={(values) => Object.fromEntries(Object.entries(values).map(([k, v]) => (FEN_FIELDS[k] ? [FEN_FIELDS[k], Math.round(Number(v) * 100)] : [k, v])))}
    />
  );
}
