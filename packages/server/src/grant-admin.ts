/**
 * `npm run admin -- <email>`: makes an existing account admin, for installs where the first
 * account is not (FIRST_USER_ADMIN, docs/operations.md "Security").
 */
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { usersRepository } from './repositories/users';

const email = process.argv[2]?.trim();
if (!email) {
  console.error('usage: npm run admin -- <email of an existing account>');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (await usersRepository(database.db).makeAdmin(email)) {
    console.log(`${email} is now an admin.`);
  } else {
    console.error(`No account with the email ${email}; register it first.`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
