import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    menu: { desk: '困难职工帮扶', mine: '困难帮扶申请', publicity: '帮扶公示' },
    list: {
      title: '困难职工档案', mineTitle: '我的困难帮扶申请', apply: '申请困难帮扶', export: '导出', total: '共 {{total}} 户',
      code: '档案编号', worker: '职工', org: '单位', status: '状态', tier: '困难类别', causes: '致困原因', perHead: '人均月收入', size: '家庭人口',
      appliedAt: '申请日期', reviewDue: '复核期限', assistance: '累计帮扶', allStatuses: '全部状态', allTiers: '全部类别', allCauses: '全部原因',
      search: '编号或姓名', empty: '暂无困难职工档案', mineEmpty: '您还没有提交困难帮扶申请',
    },
    apply: {
      title: '申请困难帮扶', hint: '工会将安排两名工作人员入户核实，审核通过后公示（姓名隐去），公示期满无异议即建档帮扶。',
      locality: '所在地区（按当地低保标准认定）', workerIncome: '本人月收入（元）', members: '家庭成员', memberName: '姓名', relation: '关系',
      condition: '情况（患病、就学等）', memberIncome: '月收入（元）', addMember: '添加家庭成员', causes: '致困原因', situation: '家庭困难情况', submit: '提交申请', sent: '已提交，编号 {{code}}',
    },
    detail: {
      title: '困难档案 {{code}}', household: '家庭情况', locality: '地区', year: '认定年度', income: '家庭月收入', perHead: '人均月收入', members: '家庭成员',
      situation: '困难情况', notice: '公示期', refusal: '未通过原因', visits: '入户核实', noVisits: '尚未入户', objections: '公示异议', reviews: '年度复核',
      callbacks: '脱困回访', assistance: '帮扶记录', crossCheck: '关联事项核对', appeals: '实名诉求（工资、医疗）', mediation: '劳动争议调解', none: '无',
      timeline: '办理过程', months: '{{n}} 个月', done: '已完成 {{date}}', due: '期限 {{date}}', relapse: '返困', cancelled: '已取消', upheld: '异议成立', dismissed: '异议不成立',
      mine: '工会正在办理您的申请，进展会通过站内通知告诉您。',
    },
    action: {
      visit: '记录入户核实', approve: '审核通过并公示', refuse: '不予通过', file: '公示期满归档', review: '年度复核', exit: '办理脱困', callback: '记录回访', assist: '记录帮扶',
      visitedOn: '入户日期', notes: '核实情况', note: '备注', reason: '理由', income: '家庭月收入（元）', size: '家庭人口', outcome: '复核结论', continue: '继续帮扶', exitOutcome: '脱困',
      month: '回访节点', relapse: '发现返困（重新纳入档案）', kind: '帮扶方式', amount: '金额（元）', givenOn: '发放日期', fund: '资金来源', deliveredBy: '经办人', decide: '处理异议',
      decision: '处理结果', submit: '提交', done: '已保存',
    },
    publicity: { title: '困难职工帮扶公示', hint: '以下为审核通过、正在公示的困难职工家庭（姓名已隐去）。如有异议，请在公示期内提出。', period: '公示期 {{from}} 至 {{to}}', object: '提出异议', content: '异议内容', sent: '异议已提交，工会将核实处理', empty: '目前没有正在公示的名单' },
    event: { applied: '提交申请', visited: '入户核实', verified: '核实完成', approved: '审核通过，公示', refused: '不予通过', objection: '收到异议', objectionUpheld: '异议成立', objectionDismissed: '异议不成立', filed: '归档', assisted: '帮扶', reviewed: '年度复核', exited: '脱困', callback: '回访', relapsed: '返困，重新纳入', retiered: '认定标准修改，重新分档' },
    home: { desk: '困难职工帮扶', mine: '困难帮扶申请', all: '全部', filed: '在档', pending: '待办', notice: '公示中', none: '暂无申请' },
  },
  {
    menu: { desk: 'Hardship assistance', mine: 'Hardship application', publicity: 'Public notice' },
    list: {
      title: 'Hardship files', mineTitle: 'My hardship application', apply: 'Apply for assistance', export: 'Export', total: '{{total}} households',
      code: 'File no.', worker: 'Worker', org: 'Unit', status: 'Status', tier: 'Tier', causes: 'Causes', perHead: 'Income per head', size: 'Household',
      appliedAt: 'Applied', reviewDue: 'Review due', assistance: 'Assistance', allStatuses: 'All statuses', allTiers: 'All tiers', allCauses: 'All causes',
      search: 'File no. or name', empty: 'No hardship files', mineEmpty: 'You have not applied',
    },
    apply: {
      title: 'Apply for hardship assistance', hint: 'Two union staff will visit your home; once approved, the decision is posted with your name masked, and the file opens when the notice period passes without objection.',
      locality: 'Locality (its minimum living standard applies)', workerIncome: 'Your monthly income (yuan)', members: 'Household members', memberName: 'Name', relation: 'Relation',
      condition: 'Condition (illness, schooling…)', memberIncome: 'Monthly income (yuan)', addMember: 'Add a member', causes: 'Causes', situation: 'The household’s situation', submit: 'Submit', sent: 'Submitted as {{code}}',
    },
    detail: {
      title: 'Hardship file {{code}}', household: 'Household', locality: 'Locality', year: 'Year', income: 'Household income', perHead: 'Income per head', members: 'Members',
      situation: 'Situation', notice: 'Public notice', refusal: 'Reason for refusal', visits: 'Home visits', noVisits: 'No visit yet', objections: 'Objections', reviews: 'Yearly reviews',
      callbacks: 'Callbacks after exit', assistance: 'Assistance', crossCheck: 'Cross-check', appeals: 'Named appeals (wages, medical)', mediation: 'Mediation cases', none: 'None',
      timeline: 'History', months: '{{n}} months', done: 'Done {{date}}', due: 'Due {{date}}', relapse: 'Relapse', cancelled: 'Cancelled', upheld: 'Upheld', dismissed: 'Dismissed',
      mine: 'The union is handling your application; you will be notified of each step.',
    },
    action: {
      visit: 'Record a home visit', approve: 'Approve and post', refuse: 'Refuse', file: 'File after the notice', review: 'Yearly review', exit: 'Exit', callback: 'Record a callback', assist: 'Record assistance',
      visitedOn: 'Visit date', notes: 'Findings', note: 'Note', reason: 'Reason', income: 'Household income (yuan/month)', size: 'Household size', outcome: 'Outcome', continue: 'Keep on file', exitOutcome: 'Exit',
      month: 'Callback', relapse: 'Back in hardship (reopen the file)', kind: 'Kind', amount: 'Amount (yuan)', givenOn: 'Given on', fund: 'Fund', deliveredBy: 'Delivered by', decide: 'Decide objection',
      decision: 'Decision', submit: 'Submit', done: 'Saved',
    },
    publicity: { title: 'Hardship public notice', hint: 'Households approved for assistance, names masked. Raise an objection within the notice period.', period: 'Notice {{from}} – {{to}}', object: 'Object', content: 'Objection', sent: 'Objection sent; the union will look into it', empty: 'Nothing on notice now' },
    event: { applied: 'Applied', visited: 'Home visit', verified: 'Verified', approved: 'Approved, on notice', refused: 'Refused', objection: 'Objection received', objectionUpheld: 'Objection upheld', objectionDismissed: 'Objection dismissed', filed: 'Filed', assisted: 'Assistance', reviewed: 'Reviewed', exited: 'Exited', callback: 'Callback', relapsed: 'Relapsed, reopened', retiered: 'Re-tiered under a changed rule' },
    home: { desk: 'Hardship assistance', mine: 'Hardship application', all: 'All', filed: 'On file', pending: 'To do', notice: 'On notice', none: 'No application' },
  },
);
