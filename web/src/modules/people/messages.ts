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
    exporting: 'Exporting…',
  },
);
