/**
 * What tests of other folders (the authz world, the hostile fixture) may build a growth world
 * with: valid bodies for a three-year plan and the office's calls that place and pair teachers.
 */
export const planBody = (over: Record<string, unknown> = {}) => ({
  title: '三年成长规划',
  vision: '三年内站稳讲台，形成自己的课堂风格。',
  startYear: 2026,
  goals: [
    { year: 1, area: 'teaching', title: '规范上好每一节 35+10 课' },
    { year: 1, area: 'ethics', title: '学习师德规范并撰写心得' },
    { year: 2, area: 'research', title: '完成一项校级小课题' },
    { year: 3, area: 'teaching', title: '上一节校级公开课' },
  ],
  ...over,
});

export const observationBody = (over: Record<string, unknown> = {}) => ({
  kind: 'observation',
  title: '师傅听课',
  date: '2026-11-20',
  rubric: { objectives: 4, process: 3, inClassChecking: 3, participation: 4, outcome: 4 },
  ...over,
});
