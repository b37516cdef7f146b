// The `kiosk` command's program: one subcommand group per feature, all over the same core. Shared by
// the test-facing entry (electron/cli/main.ts → dist/cli.mjs, bin/kiosk.mjs) and the installed
// kiosk's `--cli` mode (electron/main/cli-mode.ts), so both carry exactly the same commands.
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
import { registerRoomCommands } from './commands/room';

/** `name` is how the help text names the command: `kiosk` here, the executable's name on an installed PC. */
export function createProgram(name = 'kiosk'): Command {
  const program = new Command(name)
    .description('Công cụ dòng lệnh của kiosk phòng đọc xã')
    .version(VERSION)
    .showHelpAfterError(`(chạy "${name} --help" để xem các lệnh)`);
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
    registerRoomCommands,
  ];
  for (const register of commandGroups) register(program);
  return program;
}
