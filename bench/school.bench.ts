/** The school practices (心桥) at scale: see bench/school/school.bench.ts. */
export { default } from './school/school.bench.js';
