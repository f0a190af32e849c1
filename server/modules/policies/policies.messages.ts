import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const policiesMessages = {
  'policies.noArticles': ['政策正文为空：请粘贴正文（按“第N条”分条）', 'The text is empty: paste the text (articles start with 第N条)'],
  'policies.docxMissing': ['请选择要读取的 Word 文件（file，.docx）', 'Choose the Word file to read (file, .docx)'],
  'policies.docxUnreadable': [
    '文件（file）不是可读取的 .docx：请在 Word 或 WPS 中另存为 .docx 后再上传',
    'The file (file) is not a readable .docx: save it as .docx in Word or WPS and upload again',
  ],
  'policies.docxTooLong': [
    '文件（file）正文超过 20 万字，请分成多份政策上传',
    'The text of the file (file) is over 200 000 characters: split it into several policies',
  ],
  'policies.orgOutOfScope': ['只能在您负责的组织中添加政策', 'You may add policies only to organisations you keep'],
  'policies.notEffective': ['只有现行有效的版本才能修订或废止', 'Only a version in force can be amended or repealed'],
  'policies.repealBeforeEffective': ['废止日期不能早于生效日期', 'The repeal date cannot be before the effective date'],
  'policies.articleUnknown': ['引用的条文不存在，或不在您可见的政策库中', 'A cited article does not exist or is not in a library you can see'],
  'policies.answered.title': ['您的政策咨询已答复：{title}', 'Your policy question was answered: {title}'],
  'policies.answered.body': ['工会已答复您的问题，并附上了依据的政策条文。', 'The union answered your question, citing the policy articles it rests on.'],
  'policies.asked.title': ['新的政策咨询：{title}', 'New policy question: {title}'],
  'policies.asked.body': ['请在 {due} 前答复。', 'Answer by {due}.'],
  'policies.due.title': ['政策咨询即将到期：{title}', 'Policy question due soon: {title}'],
  'policies.due.body': ['答复期限为 {due}，请尽快答复。', 'The answer is due on {due}.'],
  'policies.overdue.title': ['政策咨询已超期：{title}', 'Policy question overdue: {title}'],
  'policies.overdue.body': ['答复期限 {due} 已过，尚未答复。', 'The deadline {due} has passed without an answer.'],
  'policies.review.title': ['引用的政策已修订或废止：{title}', 'A cited policy was amended or repealed: {title}'],
  'policies.review.body': ['有 {n} 条答复或常见问题引用了它，请复核。', '{n} answers or FAQ entries cite it; review them.'],
} satisfies Record<string, MessageEntry>;

export const PM = messageKeys(policiesMessages);
