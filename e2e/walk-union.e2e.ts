/** The walk, the union's roles (e2e/walk.ts); the school's roles and the admin walk beside it in walk-school.e2e.ts. */
import { walkHalf } from './walk.js';

walkHalf('union');
