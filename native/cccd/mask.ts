// Masking for diagnostics and logs: one rule for the whole product, in common/privacy/mask.ts.
export { maskCccdText, maskIdentityNumbers, maskIdNumber } from '../../common/privacy/mask';
