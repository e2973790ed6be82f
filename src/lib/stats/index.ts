export { bootstrapLift, type Lift, seededRandom } from './bootstrap.ts';
