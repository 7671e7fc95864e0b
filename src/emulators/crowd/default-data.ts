/**
 * The directory the emulator serves when no data file is given. It holds the example of Crowd's SOAP API
 * documentation page (applications `jira` and `jive`, principal `jstepka`, all with the password `password`),
 * a few more principals (one of them inactive) and the usual Atlassian groups.
 */
import type { CrowdDirectoryData } from './data.js';

/** Returns a fresh copy of the default directory (clear passwords: hash it before use). */
export function defaultCrowdData(): CrowdDirectoryData {
  return {
    settings: { directoryId: 32769, domain: null, secureCookie: false, cacheEnabled: true, cacheTime: 20 },
    applications: [
      { name: 'jira', password: 'password' },
      { name: 'jive', password: 'password' },
      { name: 'confluence', password: 'password', allowedGroups: ['confluence-users'] },
    ],
    principals: [
      {
        name: 'jstepka',
        password: 'password',
        active: true,
        firstName: 'Justen',
        lastName: 'Stepka',
        displayName: 'Justen Stepka',
        email: 'justen.stepka@atlassian.com',
        attributes: {
          lastAuthenticated: ['1199167200000'],
          passwordLastChanged: ['1196575200000'],
          requiresPasswordChange: ['false'],
          invalidPasswordAttempts: ['0'],
        },
        created: '2007-12-02T06:00:00.000Z',
        updated: '2008-01-01T06:00:00.000Z',
      },
      {
        name: 'admin',
        password: 'admin',
        firstName: 'Crowd',
        lastName: 'Administrator',
        displayName: 'Crowd Administrator',
        email: 'admin@example.com',
        attributes: { requiresPasswordChange: ['false'], invalidPasswordAttempts: ['0'] },
        created: '2007-11-01T09:00:00.000Z',
        updated: '2007-11-01T09:00:00.000Z',
      },
      {
        name: 'alice',
        password: 'alice-password',
        firstName: 'Alice',
        lastName: 'Liddell',
        displayName: 'Alice Liddell',
        email: 'alice@example.com',
        attributes: { requiresPasswordChange: ['false'], invalidPasswordAttempts: ['0'], team: ['dev', 'ops'] },
        created: '2008-02-01T09:00:00.000Z',
        updated: '2008-02-01T09:00:00.000Z',
      },
      {
        name: 'bob',
        password: 'bob-password',
        firstName: 'Bob',
        lastName: 'Builder',
        displayName: 'Bob Builder',
        email: 'bob@example.com',
        attributes: { requiresPasswordChange: ['false'], invalidPasswordAttempts: ['0'] },
        created: '2008-02-02T09:00:00.000Z',
        updated: '2008-02-02T09:00:00.000Z',
      },
      {
        name: 'inactive-user',
        password: 'password',
        active: false,
        firstName: 'Inactive',
        lastName: 'User',
        displayName: 'Inactive User',
        email: 'inactive@example.com',
        attributes: { requiresPasswordChange: ['false'], invalidPasswordAttempts: ['0'] },
        created: '2007-12-24T09:00:00.000Z',
        updated: '2008-03-01T09:00:00.000Z',
      },
    ],
    groups: [
      {
        name: 'jira-users',
        description: 'JIRA users',
        members: ['jstepka', 'admin', 'alice', 'bob', 'inactive-user'],
      },
      { name: 'jira-administrators', description: 'JIRA administrators', members: ['jstepka', 'admin'] },
      { name: 'confluence-users', description: 'Confluence users', members: ['jstepka', 'alice'] },
      { name: 'crowd-administrators', description: 'Crowd administrators', members: ['admin'] },
    ],
    roles: [{ name: 'developers', description: 'Developers', members: ['alice', 'bob'] }],
  };
}
