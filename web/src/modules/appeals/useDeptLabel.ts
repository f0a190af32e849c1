/**
 * 「一号矿 / 生产部」 rather than 「生产部」: every mine has one. The server names each
 * department with its nearest mine or branch union (`label`), for every reader — workers
 * included — without the page loading the org tree.
 */
export function deptLabel(dept: { name: string; label?: string } | null | undefined): string {
  return dept ? (dept.label ?? dept.name) : '';
}

export function useDeptLabel(): typeof deptLabel {
  return deptLabel;
}
