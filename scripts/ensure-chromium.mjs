// Runs before `npm test`: the browser tests (test/web) drive Debian's Chromium. On a fresh Debian
// machine it is installed from Debian's packages (as root), so `npm install && npm test` needs
// nothing else; elsewhere the message says what to install.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import console from 'node:console';
import process from 'node:process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function runnable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!runnable(path)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !runnable('/usr/bin/apt-get')) {
    console.error(
      `The browser tests need Chromium at ${path}. Install Debian's package (apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages for the browser tests…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
