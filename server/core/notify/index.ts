/** What modules use of core/notify: send a notice, find who should get it, send a reminder once. */
export { notify, type Notice } from './notify.js';
export { holdersOf, type Holder } from './recipients.js';
export { notifyOnce } from './once.js';
