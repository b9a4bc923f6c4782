// `npm start`: until the server lands this prints the CLI's help.
import { spawnSync } from 'node:child_process';
spawnSync('npx', ['ff', '--help'], { stdio: 'inherit' });
