import { describe, expect, it } from 'vitest';
import { checkTracking } from './carriers.ts';

describe('checkTracking', () => {
  it('should accept a UPS number written with spaces and lower case, and link to UPS', () => {
    expect(checkTracking('ups', '1z 999 aa1 0123456784')).toEqual({
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    });
  });

  it('should refuse a number that does not fit the carrier, naming an example', () => {
    expect(checkTracking('royal_mail', '12345')).toEqual({
      field: 'trackingNumber',
      message: 'is not a Royal Mail tracking number (for example AB123456789GB)',
    });
  });

  it("should take free text for 'other' and only an https link", () => {
    expect(checkTracking('other', ' Courier Bob #42 ')).toMatchObject({
      trackingNumber: 'Courier Bob #42',
      trackingUrl: null,
    });
    expect(checkTracking('other', 'x', 'javascript:alert(1)')).toMatchObject({ field: 'trackingUrl' });
    expect(checkTracking('other', 'a\u0000b')).toMatchObject({ field: 'trackingNumber' });
  });
});
