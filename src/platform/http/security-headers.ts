import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every response (@fastify/helmet). The CSP fits what Souk serves itself: the web app and
 * the swagger-ui docs page load scripts only from this origin; styles may be inline (React and ECharts set
 * style attributes, swagger-ui too); images may come from https (product images are links) or data: URIs
 * (swagger-ui's icons); the API and the live stream are same-origin. No page may be framed elsewhere.
 * `upgrade-insecure-requests` is left out so that a plain-HTTP install on a LAN keeps working.
 */
export const securityHeaders: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', 'https:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // Product images and avatars are hot-linked from other origins.
  crossOriginEmbedderPolicy: false,
  // HSTS only means something over HTTPS; a proxy that terminates TLS is the right place to set it.
  strictTransportSecurity: false,
};
