// Whether another process (a kiosk holding the data directory, a session's countdown owner) is alive.
/** Signal 0 checks existence without touching the process; EPERM means it exists under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
