import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    title: '登录',
    subtitle: '工会与学校基层工作平台',
    login: '用户名或手机号',
    loginRequired: '请输入用户名或手机号',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
  },
  {
    title: 'Sign in',
    subtitle: 'Grassroots work platform for unions and schools',
    login: 'Username or phone',
    loginRequired: 'Enter your username or phone number',
    password: 'Password',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
  },
);
