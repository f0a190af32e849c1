/** The walk, the school's roles and the admin (e2e/walk.ts); the union's roles walk beside it in walk-union.e2e.ts. */
import { walkHalf } from './walk.js';

walkHalf('school');
