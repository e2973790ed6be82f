import { defineErrors } from '../../platform/errors.ts';

/** Care's error catalogue. */
export const careError = defineErrors('care', {
  unknown_queue: { kind: 'unprocessable', description: 'The queue is not one of this brand' },
  not_an_agent: {
    kind: 'unprocessable',
    description: 'The person is not an owner, admin or agent of this brand',
  },
});
