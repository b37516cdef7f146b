// The `eresources` section of kiosk.config.json: the topics residents browse by, the disk quota for
// content packs, where staff look for packs on a USB stick, and whether online links use internet time.
import { z } from 'zod';

export const DEFAULT_TOPICS = ['Nông nghiệp', 'Pháp luật', 'Sức khỏe', 'Thiếu nhi', 'Kỹ năng sống', 'Văn hóa – lịch sử địa phương'];

export const eresourcesSection = z
  .object({
    /** Topics in the order the screen shows them; resources with another topic appear after these. */
    topics: z
      .array(z.string().trim().min(1).max(80))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'mỗi chủ đề chỉ được khai báo một lần')
      .default(DEFAULT_TOPICS),
    /** Disk space all installed content packs may use together, in megabytes. */
    quotaMegabytes: z.number().int().min(1).max(2_000_000).default(4096),
    /** Folders where USB sticks appear; the staff page lists .zip packs found in them. */
    importFolders: z.array(z.string().min(1).max(500)).default(['/media', '/run/media', '/mnt']),
    /** Whether minutes spent on an online link count against the resident's internet time. */
    linksCountAsInternetTime: z.boolean().default(false),
    /** How many featured items the first screen shows. */
    featuredCount: z.number().int().min(0).max(24).default(8),
  })
  .strict();
export type EresourcesConfig = z.output<typeof eresourcesSection>;
