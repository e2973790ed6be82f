import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('should listen on loopback only when HOST is unset', () => {
    expect(loadConfig({}, { terminal: false }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, { terminal: false }).host).toBe('0.0.0.0');
  });

  it('should refuse to serve the demo world publicly unless SOUK_ALLOW_PUBLIC_DEMO says so', () => {
    expect(loadConfig({}, { terminal: false }).allowPublicDemo).toBe(false);
    expect(loadConfig({ SOUK_ALLOW_PUBLIC_DEMO: 'true' }, { terminal: false }).allowPublicDemo).toBe(true);
    expect(() => loadConfig({ SOUK_ALLOW_PUBLIC_DEMO: 'maybe' })).toThrow(ConfigError);
  });

  it('should log pretty on a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    expect(loadConfig({}, { terminal: true }).logFormat).toBe('pretty');
    expect(loadConfig({}, { terminal: false }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, { terminal: true }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'PRETTY' }, { terminal: false }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be pretty or json, got "xml"/);
  });
});

describe('isLoopbackHost', () => {
  it('should call only addresses of this machine loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});
