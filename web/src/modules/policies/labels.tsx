import { Tag } from 'antd';
import {
  POLICY_LEVEL_LABELS,
  POLICY_STATUS_LABELS,
  QUESTION_STATUS_LABELS,
  QUESTION_TOPIC_LABELS,
  type PolicyLevel,
  type PolicyStatus,
  type QuestionStatus,
  type QuestionTopic,
} from '@common/policies';
import { currentLanguage } from '../../i18n';

const pick = (l: { zh: string; en: string }) => (currentLanguage() === 'en' ? l.en : l.zh);

export const levelLabel = (v: PolicyLevel) => pick(POLICY_LEVEL_LABELS[v]);
export const topicLabel = (v: QuestionTopic) => pick(QUESTION_TOPIC_LABELS[v]);
export const policyStatusLabel = (v: PolicyStatus) => pick(POLICY_STATUS_LABELS[v]);
export const questionStatusLabel = (v: QuestionStatus) => pick(QUESTION_STATUS_LABELS[v]);

const POLICY_COLOR: Record<PolicyStatus, string> = { effective: 'green', superseded: 'orange', repealed: 'default' };
const QUESTION_COLOR: Record<QuestionStatus, string> = { submitted: 'blue', answered: 'green', published: 'cyan', withdrawn: 'default' };

export const PolicyStatusTag = ({ status }: { status: PolicyStatus }) => <Tag color={POLICY_COLOR[status]}>{pick(POLICY_STATUS_LABELS[status])}</Tag>;
export const QuestionStatusTag = ({ status }: { status: QuestionStatus }) => <Tag color={QUESTION_COLOR[status]}>{questionStatusLabel(status)}</Tag>;
