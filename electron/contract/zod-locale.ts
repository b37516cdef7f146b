// Validation messages in Vietnamese wherever a zod schema speaks to a person (CLI, error screens).
import { z } from 'zod';

z.config(z.locales.vi());
