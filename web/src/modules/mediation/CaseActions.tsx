import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionBar, type ActionFieldKind, type ActionForm } from '../../shared/ActionBar';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { todayInShanghai as today } from '../../shared/time';
import { useCaseAction, useMediatorOptions, type CaseAction, type CaseDetail } from './api';

const moneyField: ActionFieldKind = { number: { min: 0, max: 10_000_000, precision: 2 } };
const daysField: ActionFieldKind = { number: { min: 1, max: 15 } };
const orgField: ActionFieldKind = { input: <OrgTreeSelect allowClear /> };

/** The buttons of what the caller may do next, each opening its form; the server decides (`can`) and re-checks. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('mediation');
  const [open, setOpen] = useState<CaseAction | null>(null);
  const act = useCaseAction(c.id);
  const mediators = useMediatorOptions(c.id, c.can.accept && open === 'accept');
  const mediatorField: ActionFieldKind = {
    input: (
      <Select
        allowClear
        loading={mediators.isFetching}
        options={(mediators.data?.items ?? []).map((m) => ({ value: m.accountId, label: m.name }))}
        data-testid="mediation-field-mediator"
      />
    ),
  };

  const forms: Partial<Record<CaseAction, ActionForm>> = {
    accept: {
      title: t('action.accept'),
      tone: 'primary',
      fields: [
        { name: 'mediatorAccountId', kind: mediatorField, label: t('action.mediator') },
        { name: 'note', kind: 'text', label: t('action.note') },
      ],
    },
    reject: { title: t('action.reject'), tone: 'danger', fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    sessions: {
      title: t('action.session'),
      tone: 'primary',
      initial: { date: today() },
      fields: [
        { name: 'date', kind: 'date', label: t('action.paidOn'), required: true },
        { name: 'attendees', kind: 'text', label: t('detail.attendees'), required: true },
        { name: 'applicantSaid', kind: 'area', label: t('detail.applicantSaid'), required: true },
        { name: 'respondentSaid', kind: 'area', label: t('detail.respondentSaid'), required: true },
        { name: 'nextStep', kind: 'text', label: t('detail.nextStep') },
      ],
    },
    extend: {
      title: t('action.extend'),
      fields: [
        { name: 'days', kind: daysField, label: t('action.days'), required: true },
        { name: 'reason', kind: 'area', label: t('action.reason'), required: true },
      ],
    },
    agreement: {
      title: t('action.agree'),
      tone: 'primary',
      initial: { applicantSignedOn: today(), respondentSignedOn: today() },
      fields: [
        { name: 'terms', kind: 'area', label: t('detail.terms'), required: true },
        { name: 'agreedAmount', kind: moneyField, label: t('detail.agreedAmount'), required: true },
        { name: 'performanceDue', kind: 'date', label: t('detail.performanceDue'), required: true },
        { name: 'applicantSignedOn', kind: 'date', label: t('detail.applicantSigned', { date: '' }).trim(), required: true },
        { name: 'respondentSigner', kind: 'text', label: t('apply.respondent'), required: true },
        { name: 'respondentSignedOn', kind: 'date', label: t('detail.respondentSigned', { name: '', date: '' }).trim(), required: true },
        { name: 'respondentOrgId', kind: orgField, label: t('performance.respondentOrg') },
      ],
    },
    fail: { title: t('action.fail'), tone: 'danger', fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    withdraw: { title: t('action.withdraw'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    payments: {
      title: t('action.payment'),
      initial: { paidOn: today(), complete: false },
      fields: [
        { name: 'paidAmount', kind: moneyField, label: t('action.paidAmount'), required: true },
        { name: 'paidOn', kind: 'date', label: t('action.paidOn'), required: true },
        { name: 'note', kind: 'text', label: t('action.note') },
        { name: 'complete', kind: 'check', label: t('action.complete') },
      ],
    },
  };

  const buttons: CaseAction[] = [];
  if (c.can.accept) buttons.push('accept', 'reject');
  if (c.can.conduct && c.status === 'accepted') buttons.push('sessions', 'extend', 'agreement', 'fail');
  if (c.can.conduct && c.status === 'agreed') buttons.push('payments');
  if (c.can.withdraw) buttons.push('withdraw');

  return (
    <ActionBar<CaseAction>
      prefix="mediation"
      forms={forms}
      buttons={buttons}
      mutation={act}
      okText={t('action.submit')}
      doneText={t('action.done')}
      open={open}
      onOpen={setOpen}
    />
  );
}
