// The `kiosk` command for technicians and tests: one subcommand group per feature, all over the same core.
import { Command } from 'commander';
import { VERSION } from '../core/version';
import { registerConfigCommands } from './commands/config';
import { registerInternetCommands } from './commands/internet';
import { registerDbCommands } from './commands/db';
import { registerDbRestoreCommand } from './commands/db-restore';
import { registerTechnicianCommands } from './commands/technician';
import { registerSystemCommands } from './commands/system';
import { registerReportCommands } from './commands/report';
import { registerUploadCommands } from './commands/upload';
import { registerEnrolCommands } from './commands/enrol';
import { registerCatalogueCommands } from './commands/catalogue';
import { registerI18nCommands } from './commands/i18n';
import { registerPatronCommands } from './commands/patrons';
import { registerCirculationCommands } from './commands/circulation';
import { registerDevicesCommands } from './commands/devices';
import { registerPackCommands } from './commands/packs';

const program = new Command('kiosk')
  .description('Công cụ dòng lệnh của kiosk phòng đọc xã')
  .version(VERSION)
  .showHelpAfterError('(chạy "kiosk --help" để xem các lệnh)');

// The command groups, in the order `kiosk --help` lists them; one per line so a new one is one line.
const commandGroups: ReadonlyArray<(program: Command) => void> = [
  registerSystemCommands,
  registerDbCommands,
  registerDbRestoreCommand,
  registerTechnicianCommands,
  registerConfigCommands,
  registerInternetCommands,
  registerReportCommands,
  registerUploadCommands,
  registerEnrolCommands,
  registerCatalogueCommands,
  registerI18nCommands,
  registerDevicesCommands,
  registerPatronCommands,
  registerCirculationCommands,
  registerPackCommands,
];

for (const register of commandGroups) register(program);

await program.parseAsync(process.argv);
