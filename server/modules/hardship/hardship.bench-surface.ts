/** The read services bench/hardship measures, exactly as the routes call them. */
export { list, detail } from './hardship.service.js';
export { list as publicNotices } from './hardship.publicity.js';
export { counts } from './hardship.config.js';
export { totals } from './hardship.assistance.js';
