import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const contractsMessages = {
  'contracts.orgUnknown': ['组织不存在或不在您的管理范围内', 'The org does not exist or is outside your reach'],
  'contracts.predecessorUnknown': ['上一份合同不存在或不属于该组织', 'No such earlier contract of that org'],
  'contracts.replyBeforeRequest': ['回应日期不能早于要约日期', 'The reply cannot come before the request'],
  'contracts.dateInFuture': ['日期不能晚于今天', 'The date cannot be after today'],
  'contracts.negotiatorsUnequal': ['双方协商代表人数应当相等', 'Both sides need the same number of negotiators'],
  'contracts.chiefOne': ['每方应有且仅有一名首席代表', 'Each side needs exactly one chief negotiator'],
  'contracts.accountUnknown': ['账号不存在或已停用', 'The account does not exist or is disabled'],
  'contracts.negotiatorsMissing': ['请先确定双方协商代表', 'Name both sides’ negotiators first'],
  'contracts.clauseNumberTwice': ['条款序号重复', 'A clause number is used twice'],
  'contracts.ownerOrgUnknown': ['责任部门不存在或不在本合同组织内', 'The owner department is not within the contract’s org'],
  'contracts.ownerOrgMissing': ['承诺性条款须指定责任部门', 'A promise clause needs an owner department'],
  'contracts.ownerNoHandler': ['责任部门没有承办人，无法生成督办事项', 'The owner department has no handler to own the decided item'],
  'contracts.versionUnknown': ['版本不存在', 'No such version'],
  'contracts.voteCounts': ['赞成、反对、弃权票数之和不能超过应到人数', 'For, against and abstain cannot exceed the eligible voters'],
  'contracts.sessionMissing': ['提交职代会审议时请选择正在召开的职代会会议', 'Choose the sitting congress session'],
  'contracts.sessionUnknown': ['职代会会议不存在，或不是本合同所属组织（或其上级）的职代会', 'No such congress session of the contract’s org or above it'],
  'contracts.voteOpen': ['职代会表决尚未结束', 'The congress vote has not closed yet'],
  'contracts.signedBeforeApproval': ['签字日期不能早于协商要约日期', 'Signing cannot come before the bargaining request'],
  'contracts.receivedBeforeSigned': ['收到日期不能早于签字日期', 'Receipt cannot come before signing'],
  'contracts.objectionPending': ['劳动行政部门审查期（收到文本之日起15日）尚未届满', 'The labour administration’s 15 days are not over yet'],
  'contracts.startsOn': ['合同期限应自生效之日或之后开始', 'The term starts on or after the effective date'],
  'contracts.checkpointDate': ['检查日期应在合同期限内', 'The checkpoint lies within the contract’s term'],
  'contracts.notPromise': ['该条款不是承诺性条款', 'That clause makes no promise'],
  'contracts.notMonitored': ['合同生效后才能设置履约检查点', 'Checkpoints are set once the contract is effective'],
  'contracts.checkNotDue': ['请填写履约情况（已履行、部分履行或未履行）', 'Give the finding: honoured, partly or not honoured'],
  'contracts.findingMissing': ['未完全履行时请写明检查发现', 'Describe the finding when not fully honoured'],
  'contracts.appealUnknown': ['诉求不存在或不在您的管理范围内', 'The appeal does not exist or is outside your reach'],
  'contracts.citedTwice': ['该诉求已关联到此条款', 'That appeal already cites this clause'],
  'contracts.signedVersion': ['只有签字版本的条款可以关联诉求', 'Only clauses of the signed version can be cited'],
} satisfies Record<string, MessageEntry>;

export const CM = messageKeys(contractsMessages);
