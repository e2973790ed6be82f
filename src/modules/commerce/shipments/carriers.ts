/** Carriers whose tracking numbers Souk can check and link to; anything else is 'other' with free text. */
export const CARRIERS = {
  dhl: {
    name: 'DHL',
    pattern: /^([0-9]{10,20}|JJD[0-9]{16,20}|[A-Z]{2}[0-9]{9}[A-Z]{2})$/,
    example: '1234567890',
    url: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id=',
  },
  ups: {
    name: 'UPS',
    pattern: /^1Z[0-9A-Z]{16}$/,
    example: '1Z999AA10123456784',
    url: 'https://www.ups.com/track?tracknum=',
  },
  fedex: {
    name: 'FedEx',
    pattern: /^([0-9]{12}|[0-9]{15}|[0-9]{20}|[0-9]{22})$/,
    example: '123456789012',
    url: 'https://www.fedex.com/fedextrack/?trknbr=',
  },
  usps: {
    name: 'USPS',
    pattern: /^(9[0-9]{15,21}|[A-Z]{2}[0-9]{9}US)$/,
    example: '9400100000000000000000',
    url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  },
  royal_mail: {
    name: 'Royal Mail',
    pattern: /^[A-Z]{2}[0-9]{9}GB$/,
    example: 'AB123456789GB',
    url: 'https://www.royalmail.com/track-your-item#/tracking-results/',
  },
  dpd: {
    name: 'DPD',
    pattern: /^[0-9]{14}$/,
    example: '01234567890123',
    url: 'https://tracking.dpd.de/status/en_US/parcel/',
  },
} as const;

export type KnownCarrier = keyof typeof CARRIERS;
export type Carrier = KnownCarrier | 'other';

export type Tracking = { carrier: Carrier; trackingNumber: string; trackingUrl: string | null };

export type TrackingProblem = { field: 'trackingNumber' | 'trackingUrl'; message: string };

/**
 * A tracking number checked against its carrier's format (spaces dropped, letters upper-cased) with its link;
 * 'other' takes free text and an optional https link of the brand's choosing.
 */
export function checkTracking(
  carrier: Carrier,
  trackingNumber: string,
  trackingUrl?: string,
): Tracking | TrackingProblem {
  if (carrier === 'other') {
    const text = trackingNumber.trim();
    if (!text || /\p{Cc}/u.test(text)) return { field: 'trackingNumber', message: 'must be printable text' };
    if (trackingUrl !== undefined && !/^https:\/\/[^\s]+$/.test(trackingUrl))
      return { field: 'trackingUrl', message: 'must be an https:// link' };
    return { carrier, trackingNumber: text, trackingUrl: trackingUrl ?? null };
  }
  const spec = CARRIERS[carrier];
  const normalized = trackingNumber.replace(/\s+/g, '').toUpperCase();
  if (!spec.pattern.test(normalized))
    return {
      field: 'trackingNumber',
      message: `is not a ${spec.name} tracking number (for example ${spec.example})`,
    };
  return { carrier, trackingNumber: normalized, trackingUrl: spec.url + encodeURIComponent(normalized) };
}

export const carrierName = (carrier: string): string =>
  carrier in CARRIERS ? CARRIERS[carrier as KnownCarrier].name : 'Other carrier';
