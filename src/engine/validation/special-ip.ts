// ValidateNonSpecialIP: endpoint and external IPs may not be unspecified, loopback or link-local.
import type { FieldError } from '../types.ts';
import { invalid } from './field-errors.ts';
import { parseIP } from './ip-format.ts';

/** ValidateNonSpecialIP, for Endpoints, EndpointSlices and Service externalIPs. */
export function validateNonSpecialIP(value: string, path: string): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [invalid(path, value, 'must be a valid IP address')];
  const b = ip.bytes.length === 16 && ip.mapped ? ip.bytes.slice(12) : ip.bytes;
  const errs: FieldError[] = [];
  if (b.every((x) => x === 0)) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  const v4 = b.length === 4;
  if (v4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (v4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02) {
    errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}
