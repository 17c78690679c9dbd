import { ACCEPTED_CONSENT_VERSIONS } from '@perron/contract';
import { ProblemError } from '../http/problem.ts';

/** A 400 naming one field that the contract's shape accepts but the node's data refuses. */
export function badField(path: string, message: string, code = 'invalid_value'): ProblemError {
  return new ProblemError('validation_failed', 'Invalid body', { errors: [{ path, message, code }] });
}

/** Consent counts only for a notice wording this node still shows. */
export function checkConsentVersion(version: string, path = 'body.consent.version'): void {
  if (!ACCEPTED_CONSENT_VERSIONS.includes(version)) {
    throw badField(path, `Unknown consent notice version; expected ${ACCEPTED_CONSENT_VERSIONS.join(' or ')}`, 'unknown_consent_version');
  }
}
