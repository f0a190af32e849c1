/**
 * What tests of other folders may build a ten-minute world with: a stored session photo,
 * which the demo has none of (the API document's response test reads one back).
 */
export { storePhoto } from './moralEducation.photos.js';
