import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    menu: '人员',
    title: '人员名册',
    filters: {
      org: '组织（含下级）',
      kind: '人员类别',
      category: '用工身份',
      q: '姓名、工号或手机号',
    },
    fields: {
      name: '姓名',
      kind: '类别',
      gender: '性别',
      org: '所属组织',
      employeeNo: '工号',
      category: '用工身份',
      position: '岗位',
      unionMember: '工会会员',
      phone: '手机号',
      idNumber: '身份证号',
    },
    call: {
      action: '拨打',
      hint: '显示完整号码并拨打；每次显示都会记入审计',
      failed: '无法获取号码，请稍后再试',
    },
    exporting: '正在导出…',
  },
  {
    menu: 'People',
    title: 'People',
    filters: {
      org: 'Organisation (with subtree)',
      kind: 'Kind',
      category: 'Employment category',
      q: 'Name, employee no. or phone',
    },
    fields: {
      name: 'Name',
      kind: 'Kind',
      gender: 'Gender',
      org: 'Organisation',
      employeeNo: 'Employee no.',
      category: 'Employment category',
      position: 'Position',
      unionMember: 'Union member',
      phone: 'Phone',
      idNumber: 'ID number',
    },
    call: {
      action: 'Call',
      hint: 'Shows the full number and calls it; every reveal is audited',
      failed: 'Could not get the number; try again later',
    },
    exporting: 'Exporting…',
  },
);
