// Where the digital library keeps its files under the data directory.
import { join } from 'node:path';

export const packsRoot = (dataDir: string) => join(dataDir, 'eresources', 'packs');
export const stagingRoot = (dataDir: string) => join(dataDir, 'eresources', 'staging');
