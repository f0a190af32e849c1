/** Addresses of the 心桥 pages, so pages link to each other without importing each other. */
export const editorPath = (classId: string, week: string, studentId: string) => `/heart-bridge/class/${classId}/weeks/${week}/students/${studentId}`;
export const weekViewPath = (classId: string, week?: string) => `/heart-bridge/class?class=${classId}${week ? `&week=${week}` : ''}`;
export const classDashboardPath = (classId: string) => `/heart-bridge/class/${classId}/dashboard`;
