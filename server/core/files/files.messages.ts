import { defineMessages } from '../i18n/messages.js';

export const FM = defineMessages({
  'files.missing': ['请选择要上传的文件（file）', 'Choose a file to upload (file)'],
  'files.type': [
    '文件（file）只能是图片（JPG、PNG、GIF、WebP）、PDF、Word（.docx）或 Excel（.xlsx），以文件内容为准',
    'The file must be an image (JPG, PNG, GIF, WebP), a PDF, a Word (.docx) or an Excel (.xlsx) file, judged by its content',
  ],
  'files.claim': [
    '附件（fileIds）中有文件不存在、已被使用、不是您上传的，或此处不接受该类型',
    'An attachment (fileIds) does not exist, is already used, was not uploaded by you, or is of a type not accepted here',
  ],
  'files.gone': [
    '该文件已不在服务器上（可能是恢复备份时未带回文件），请联系管理员',
    'The file is no longer on the server (perhaps a backup was restored without its files); ask an administrator',
  ],
});
