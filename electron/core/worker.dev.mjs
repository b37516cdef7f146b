// Entry of a core worker thread when the kiosk runs from the source tree (see worker-threads.ts):
// registers tsx, then imports the worker's TypeScript module named in argv.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
