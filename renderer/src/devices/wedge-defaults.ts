// The wedge settings used until the core's `devices.wedge` configuration arrives (same as its defaults).
import type { WedgeSettings } from '#contract/devices';

export const DEFAULT_WEDGE: WedgeSettings = { enabled: true, maxInterKeyMs: 50, minLength: 4, terminators: ['Enter', 'Tab'], prefix: '', suffix: '' };
