#!/usr/bin/env node
// The `kiosk` command: runs the TypeScript CLI through tsx so it always matches the source tree.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
