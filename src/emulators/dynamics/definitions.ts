/**
 * Entity metadata as plain data: what the emulator knows of each entity (its attributes with their
 * AttributeTypeCode, option sets with labels, primary id and name) and of the relationships between them.
 * The default definitions (account, contact, lead, opportunity) follow the names of the real CRM 2011 schema;
 * a data file may add entities of its own in the same format.
 */

/** The AttributeTypeCode values the emulator stores (Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode). */
export type AttributeType =
  | 'Boolean'
  | 'Customer'
  | 'DateTime'
  | 'Decimal'
  | 'Double'
  | 'Integer'
  | 'BigInt'
  | 'Lookup'
  | 'Memo'
  | 'Money'
  | 'Owner'
  | 'Picklist'
  | 'State'
  | 'Status'
  | 'String'
  | 'Uniqueidentifier'
  | 'EntityName';

/** Every attribute type, for checking data files. */
export const ATTRIBUTE_TYPES: readonly AttributeType[] = [
  'Boolean',
  'Customer',
  'DateTime',
  'Decimal',
  'Double',
  'Integer',
  'BigInt',
  'Lookup',
  'Memo',
  'Money',
  'Owner',
  'Picklist',
  'State',
  'Status',
  'String',
  'Uniqueidentifier',
  'EntityName',
];

/** One option of a picklist, state or status attribute. */
export interface OptionDefinition {
  readonly value: number;
  readonly label: string;
  /** For a status option: the state it belongs to. */
  readonly state?: number;
}

/** One attribute of an entity. */
export interface AttributeDefinition {
  readonly logicalName: string;
  readonly type: AttributeType;
  /** Default: the logical name. */
  readonly schemaName?: string;
  readonly displayName?: string;
  /** Lookup, Customer, Owner: the entities it may point to. */
  readonly targets?: readonly string[];
  /** Picklist, State, Status. */
  readonly options?: readonly OptionDefinition[];
  /** `None`, `Recommended`, `ApplicationRequired`, `SystemRequired` (default `None`). */
  readonly requiredLevel?: string;
  /** Set by the server only (createdon, the primary id once created...). */
  readonly readOnly?: boolean;
}

/** One entity. */
export interface EntityDefinition {
  readonly logicalName: string;
  readonly schemaName?: string;
  readonly displayName?: string;
  readonly objectTypeCode: number;
  readonly primaryIdAttribute: string;
  readonly primaryNameAttribute: string;
  readonly attributes: readonly AttributeDefinition[];
}

/** A relationship: one-to-many (a lookup) or many-to-many (an intersect table). */
export type RelationshipDefinition =
  | {
      readonly schemaName: string;
      readonly kind: 'OneToMany';
      /** The "one" side, e.g. `account`, and its primary id. */
      readonly referencedEntity: string;
      readonly referencedAttribute: string;
      /** The "many" side, e.g. `contact`, and its lookup, e.g. `parentcustomerid`. */
      readonly referencingEntity: string;
      readonly referencingAttribute: string;
    }
  | {
      readonly schemaName: string;
      readonly kind: 'ManyToMany';
      readonly entity1: string;
      readonly entity2: string;
      readonly intersectEntity: string;
    };

const str = (logicalName: string, displayName: string): AttributeDefinition => ({
  logicalName,
  type: 'String',
  displayName,
});
const typed = (logicalName: string, type: AttributeType, displayName: string): AttributeDefinition => ({
  logicalName,
  type,
  displayName,
});
const lookup = (logicalName: string, displayName: string, ...targets: string[]): AttributeDefinition => ({
  logicalName,
  type: targets.length > 1 ? 'Customer' : 'Lookup',
  displayName,
  targets,
});
const picklist = (logicalName: string, displayName: string, labels: Record<number, string>): AttributeDefinition => ({
  logicalName,
  type: 'Picklist',
  displayName,
  options: Object.entries(labels).map(([value, label]) => ({ value: Number(value), label })),
});
const id = (logicalName: string, displayName: string): AttributeDefinition => ({
  logicalName,
  type: 'Uniqueidentifier',
  displayName,
  readOnly: true,
});

/** createdon, modifiedon, ownerid: kept on every entity. */
const system: readonly AttributeDefinition[] = [
  { ...typed('createdon', 'DateTime', 'Created On'), readOnly: true },
  { ...typed('modifiedon', 'DateTime', 'Modified On'), readOnly: true },
  { logicalName: 'ownerid', type: 'Owner', displayName: 'Owner', targets: ['systemuser'] },
];

function states(active: string, inactive: string, statuses: OptionDefinition[]): AttributeDefinition[] {
  return [
    {
      logicalName: 'statecode',
      type: 'State',
      displayName: 'Status',
      options: [
        { value: 0, label: active },
        { value: 1, label: inactive },
      ],
    },
    { logicalName: 'statuscode', type: 'Status', displayName: 'Status Reason', options: statuses },
  ];
}

/** account, contact, lead and opportunity, as CRM 2011 names them (a useful subset of their attributes). */
export const DEFAULT_ENTITIES: readonly EntityDefinition[] = [
  {
    logicalName: 'account',
    schemaName: 'Account',
    displayName: 'Account',
    objectTypeCode: 1,
    primaryIdAttribute: 'accountid',
    primaryNameAttribute: 'name',
    attributes: [
      id('accountid', 'Account'),
      { ...str('name', 'Account Name'), requiredLevel: 'ApplicationRequired' },
      str('accountnumber', 'Account Number'),
      str('address1_city', 'Address 1: City'),
      str('address1_country', 'Address 1: Country/Region'),
      str('telephone1', 'Main Phone'),
      str('emailaddress1', 'Email'),
      str('websiteurl', 'Website'),
      str('tickersymbol', 'Ticker Symbol'),
      typed('description', 'Memo', 'Description'),
      typed('revenue', 'Money', 'Annual Revenue'),
      typed('numberofemployees', 'Integer', 'Number of Employees'),
      typed('creditlimit', 'Money', 'Credit Limit'),
      typed('donotemail', 'Boolean', 'Do not allow Emails'),
      picklist('industrycode', 'Industry', {
        1: 'Accounting',
        2: 'Agriculture and Non-petrol Natural Resource Extraction',
        6: 'Consulting',
        7: 'Financial',
        33: 'Wholesale',
      }),
      picklist('accountcategorycode', 'Category', { 1: 'Preferred Customer', 2: 'Standard' }),
      lookup('primarycontactid', 'Primary Contact', 'contact'),
      lookup('parentaccountid', 'Parent Account', 'account'),
      ...states('Active', 'Inactive', [
        { value: 1, label: 'Active', state: 0 },
        { value: 2, label: 'Inactive', state: 1 },
      ]),
      ...system,
    ],
  },
  {
    logicalName: 'contact',
    schemaName: 'Contact',
    displayName: 'Contact',
    objectTypeCode: 2,
    primaryIdAttribute: 'contactid',
    primaryNameAttribute: 'fullname',
    attributes: [
      id('contactid', 'Contact'),
      { ...str('fullname', 'Full Name'), readOnly: true },
      str('firstname', 'First Name'),
      { ...str('lastname', 'Last Name'), requiredLevel: 'ApplicationRequired' },
      str('jobtitle', 'Job Title'),
      str('emailaddress1', 'Email'),
      str('telephone1', 'Business Phone'),
      str('address1_city', 'Address 1: City'),
      typed('birthdate', 'DateTime', 'Birthday'),
      typed('annualincome', 'Money', 'Annual Income'),
      typed('numberofchildren', 'Integer', 'No. of Children'),
      typed('donotphone', 'Boolean', 'Do not allow Phone Calls'),
      picklist('gendercode', 'Gender', { 1: 'Male', 2: 'Female' }),
      lookup('parentcustomerid', 'Company Name', 'account', 'contact'),
      ...states('Active', 'Inactive', [
        { value: 1, label: 'Active', state: 0 },
        { value: 2, label: 'Inactive', state: 1 },
      ]),
      ...system,
    ],
  },
  {
    logicalName: 'lead',
    schemaName: 'Lead',
    displayName: 'Lead',
    objectTypeCode: 4,
    primaryIdAttribute: 'leadid',
    primaryNameAttribute: 'fullname',
    attributes: [
      id('leadid', 'Lead'),
      { ...str('subject', 'Topic'), requiredLevel: 'ApplicationRequired' },
      { ...str('fullname', 'Name'), readOnly: true },
      str('firstname', 'First Name'),
      str('lastname', 'Last Name'),
      str('companyname', 'Company Name'),
      str('emailaddress1', 'Email'),
      typed('revenue', 'Money', 'Annual Revenue'),
      typed('estimatedamount', 'Money', 'Est. Value'),
      typed('numberofemployees', 'Integer', 'No. of Employees'),
      picklist('leadqualitycode', 'Rating', { 1: 'Hot', 2: 'Warm', 3: 'Cold' }),
      picklist('leadsourcecode', 'Lead Source', { 1: 'Advertisement', 2: 'Employee Referral', 8: 'Web' }),
      lookup('parentaccountid', 'Parent Account for lead', 'account'),
      lookup('parentcontactid', 'Parent Contact for lead', 'contact'),
      ...states('Open', 'Qualified', [
        { value: 1, label: 'New', state: 0 },
        { value: 2, label: 'Contacted', state: 0 },
        { value: 3, label: 'Qualified', state: 1 },
      ]),
      ...system,
    ],
  },
  {
    logicalName: 'opportunity',
    schemaName: 'Opportunity',
    displayName: 'Opportunity',
    objectTypeCode: 3,
    primaryIdAttribute: 'opportunityid',
    primaryNameAttribute: 'name',
    attributes: [
      id('opportunityid', 'Opportunity'),
      { ...str('name', 'Topic'), requiredLevel: 'ApplicationRequired' },
      typed('description', 'Memo', 'Description'),
      typed('estimatedvalue', 'Money', 'Est. Revenue'),
      typed('actualvalue', 'Money', 'Actual Revenue'),
      typed('closeprobability', 'Integer', 'Probability'),
      typed('estimatedclosedate', 'DateTime', 'Est. Close Date'),
      typed('discountpercentage', 'Decimal', 'Opportunity Discount (%)'),
      picklist('opportunityratingcode', 'Rating', { 1: 'Hot', 2: 'Warm', 3: 'Cold' }),
      lookup('customerid', 'Potential Customer', 'account', 'contact'),
      lookup('parentaccountid', 'Account', 'account'),
      lookup('parentcontactid', 'Contact', 'contact'),
      lookup('originatingleadid', 'Originating Lead', 'lead'),
      ...states('Open', 'Won', [
        { value: 1, label: 'In Progress', state: 0 },
        { value: 2, label: 'On Hold', state: 0 },
        { value: 3, label: 'Won', state: 1 },
      ]),
      ...system,
    ],
  },
];

const oneToMany = (
  schemaName: string,
  referencedEntity: string,
  referencingEntity: string,
  referencingAttribute: string,
): RelationshipDefinition => ({
  schemaName,
  kind: 'OneToMany',
  referencedEntity,
  referencedAttribute: `${referencedEntity}id`,
  referencingEntity,
  referencingAttribute,
});

/** The relationships of the default entities, with their CRM 2011 schema names. */
export const DEFAULT_RELATIONSHIPS: readonly RelationshipDefinition[] = [
  oneToMany('contact_customer_accounts', 'account', 'contact', 'parentcustomerid'),
  oneToMany('contact_customer_contacts', 'contact', 'contact', 'parentcustomerid'),
  oneToMany('account_primary_contact', 'contact', 'account', 'primarycontactid'),
  oneToMany('account_parent_account', 'account', 'account', 'parentaccountid'),
  oneToMany('opportunity_customer_accounts', 'account', 'opportunity', 'customerid'),
  oneToMany('opportunity_customer_contacts', 'contact', 'opportunity', 'customerid'),
  oneToMany('opportunity_parent_account', 'account', 'opportunity', 'parentaccountid'),
  oneToMany('lead_parent_account', 'account', 'lead', 'parentaccountid'),
  oneToMany('lead_parent_contact', 'contact', 'lead', 'parentcontactid'),
  oneToMany('opportunity_originating_lead', 'lead', 'opportunity', 'originatingleadid'),
  {
    schemaName: 'accountleads_association',
    kind: 'ManyToMany',
    entity1: 'account',
    entity2: 'lead',
    intersectEntity: 'accountleads',
  },
  {
    schemaName: 'contactleads_association',
    kind: 'ManyToMany',
    entity1: 'contact',
    entity2: 'lead',
    intersectEntity: 'contactleads',
  },
];
