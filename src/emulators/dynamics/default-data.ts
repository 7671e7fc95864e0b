/**
 * The data the emulator starts with when none is given: the article's user, one OAuth client, and a handful
 * of accounts and contacts (documented in docs/emulators.md).
 */
import type { DynamicsData } from './data.js';

/** The default user: the article's Office 365 sign-in. */
export const DEFAULT_USERNAME = 'admin@contoso.onmicrosoft.com';
/** Its password. */
export const DEFAULT_PASSWORD = 'pass@word1';
/** The default OAuth client's id. */
export const DEFAULT_CLIENT_ID = 'soapstack-emulator';
/** The default OAuth client's secret. */
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';

const ADMIN = '1bfa3886-df7e-468c-8435-b5adfb0441ed';
const ACCOUNTS = [
  'a1f0c0de-0001-4000-8000-000000000001',
  'a1f0c0de-0002-4000-8000-000000000002',
  'a1f0c0de-0003-4000-8000-000000000003',
  'a1f0c0de-0004-4000-8000-000000000004',
] as const;
const CONTACTS = [
  'c0a7ac70-0001-4000-8000-000000000001',
  'c0a7ac70-0002-4000-8000-000000000002',
  'c0a7ac70-0003-4000-8000-000000000003',
] as const;

/** A fresh copy of the default data (clear passwords: the emulator hashes them when it starts). */
export function defaultDynamicsData(): DynamicsData {
  const account = (i: number) => ({ logicalName: 'account', id: ACCOUNTS[i]! });
  return {
    organization: {
      organizationId: '0140d597-e270-494a-89e1-bd0b43774e50',
      businessUnitId: '4e87d619-838a-e311-89a7-6c3be5a80184',
      name: 'Contoso',
    },
    users: [{ username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD, userId: ADMIN, fullName: 'Contoso Admin' }],
    oauthClients: [{ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, userId: ADMIN }],
    records: {
      account: [
        {
          accountid: ACCOUNTS[0],
          name: 'Fourth Coffee',
          address1_city: 'Seattle',
          revenue: '1500000.00',
          numberofemployees: 120,
          industrycode: 33,
        },
        {
          accountid: ACCOUNTS[1],
          name: 'Litware, Inc.',
          address1_city: 'Dallas',
          revenue: '250000.50',
          numberofemployees: 45,
          industrycode: 6,
        },
        {
          accountid: ACCOUNTS[2],
          name: 'Adventure Works',
          address1_city: 'Paris',
          revenue: '980000.00',
          numberofemployees: 300,
          industrycode: 7,
        },
        {
          accountid: ACCOUNTS[3],
          name: 'Fabrikam, Inc.',
          address1_city: 'Lyon',
          revenue: '42000.00',
          numberofemployees: 12,
          statecode: 1,
          statuscode: 2,
        },
      ],
      contact: [
        {
          contactid: CONTACTS[0],
          firstname: 'Yvonne',
          lastname: 'McKay',
          emailaddress1: 'yvonne@fourthcoffee.com',
          parentcustomerid: account(0),
        },
        {
          contactid: CONTACTS[1],
          firstname: 'Susanna',
          lastname: 'Stubberod',
          emailaddress1: 'susanna@litware.com',
          parentcustomerid: account(1),
        },
        {
          contactid: CONTACTS[2],
          firstname: 'Nancy',
          lastname: 'Anderson',
          emailaddress1: 'nancy@adventure-works.com',
          parentcustomerid: account(2),
        },
      ],
    },
  };
}
