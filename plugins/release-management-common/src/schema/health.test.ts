import { healthResponseSchema } from './health';

describe('healthResponseSchema', () => {
  it('accepts the health body and rejects anything else', () => {
    expect(healthResponseSchema.parse({ status: 'ok' })).toEqual({
      status: 'ok',
    });
    expect(healthResponseSchema.safeParse({ status: 'down' }).success).toBe(
      false,
    );
    expect(healthResponseSchema.safeParse({}).success).toBe(false);
  });
});
