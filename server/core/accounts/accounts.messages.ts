import { defineMessages } from '../i18n/messages.js';

export const ACM = defineMessages({
  'validation.accountUsername': ['用户名为 2–32 位字母、数字或 _ . @ -', 'Usernames are 2–32 letters, digits or _ . @ -'],
  'validation.accountPhone': ['请输入 11 位手机号', 'Enter an 11-digit mobile number'],
  'accounts.sysAdminForbidden': ['只有全局系统管理员可以授予系统管理员角色', 'Only a deployment-wide system admin may grant the system admin role'],
  'accounts.globalGrantForbidden': ['只有全局系统管理员可以授予不限组织的角色', 'Only a deployment-wide system admin may grant a role without an org'],
  'accounts.notManageable': [
    '该账号在您的管理范围之外还有其他角色，只能由上级管理员操作',
    'This account holds roles outside your scope; a higher-level admin must do this',
  ],
  'accounts.personLinked': ['该人员已关联其他账号', 'This person is already linked to another account'],
  'accounts.grantExists': ['该账号在此组织已有这个角色', 'The account already has this role at this org'],
  'accounts.self': ['不能对自己的账号执行此操作', 'You cannot do this to your own account'],
  'accounts.needGrant': ['请至少授予一个角色', 'Grant at least one role'],
});
