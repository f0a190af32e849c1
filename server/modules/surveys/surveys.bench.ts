/** The reads bench/surveys times, exactly as the routes call them. */
export { results, responseRates } from './surveys.results.js';
export { list } from './surveys.service.js';
export { list as recipients } from './surveys.recipients.js';
export { mine } from './surveys.answer.js';
export { list as screening, units } from './screening.service.js';
