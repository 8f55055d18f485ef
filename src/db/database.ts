import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A DATE column: read as 'YYYY-MM-DD' (the pg parser is set so), written as the same string. */
type DateString = string;
/** Columns computed by the database (GENERATED ALWAYS): readable, never written. */
type Computed<T> = ColumnType<T, never, never>;
/** A timestamp the database defaults (now()): read as a Date, may be left out on insert. Not `Generated<…>` of it: Kysely does not unwrap a ColumnType inside another, so a select would be typed as the wrapper. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp without a default: every insert gives it. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;

export interface CityTable {
  id: Generated<number>;
  source: Generated<'geonames' | 'user'>;
  name_ru: string | null;
  name_be: string | null;
  name_en: string;
  search_names: Generated<string[]>;
  country: string;
  admin1: Generated<string>;
  latitude: number | null;
  longitude: number | null;
  population: Generated<number>;
  timezone: string | null;
  founded_year: number | null;
  city_day: string | null;
  sort_key: Computed<string>;
  /** name_key() of the names in Russian and English, for trigram search (migration 0013). */
  search_key: Computed<string>;
  /** The names the gazetteer gave this city, kept to tell them from a user's (migration 0017). */
  gazetteer_name_ru: string | null;
  gazetteer_name_be: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Which gazetteer's names the city table holds (one row). */
export interface GazetteerStateTable {
  single: Generated<boolean>;
  names_version: number;
}

export type TwinningTier = 'twin' | 'partner' | 'friendship';
export type TwinningStatus = 'proposed' | 'active' | 'suspended' | 'ended';
export type RecordSourceKind = 'user' | 'import' | 'document';

export interface TwinningTable {
  id: Generated<number>;
  city_a_id: number;
  city_b_id: number;
  tier: Generated<TwinningTier>;
  status: Generated<TwinningStatus>;
  established_on: DateString | null;
  established_year: number | null;
  ended_on: DateString | null;
  notes: string | null;
  source: Generated<RecordSourceKind>;
  source_ref: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type OrganizationKind =
  | 'school'
  | 'gymnasium'
  | 'lyceum'
  | 'college'
  | 'university'
  | 'kindergarten'
  | 'library'
  | 'museum'
  | 'theatre'
  | 'culture_house'
  | 'enterprise'
  | 'hospital'
  | 'sport_club'
  | 'administration'
  | 'council'
  | 'association'
  | 'media'
  | 'other';
export type Sphere =
  | 'education'
  | 'culture'
  | 'sport'
  | 'industry'
  | 'health'
  | 'business'
  | 'government'
  | 'media'
  | 'science'
  | 'other';

export interface OrganizationTable {
  id: Generated<number>;
  city_id: number;
  name: string;
  short_name: string | null;
  kind: Generated<OrganizationKind>;
  sphere: Generated<Sphere>;
  address: string | null;
  website: string | null;
  /** Contacts (migration 0026). */
  email: string | null;
  phones: Generated<string[]>;
  notes: string | null;
  sort_key: Computed<string>;
  search: Computed<string>;
  /** name_key() of the name, for trigram search (migration 0013). */
  search_key: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  first_name: string | null;
  patronymic: string | null;
  last_name: string | null;
  city_id: number | null;
  notes: string | null;
  /** Contacts and the protocol card (migration 0026). */
  email: string | null;
  phones: Generated<string[]>;
  address: string | null;
  /** How a letter addresses them: «Уважаемый Андрей Петрович!». */
  salutation: string | null;
  birthday: DateString | null;
  languages: Generated<string[]>;
  sort_key: Computed<string>;
  search: Computed<string>;
  /** name_key() of the name, for trigram search (migration 0013). */
  search_key: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PositionTable {
  id: Generated<number>;
  person_id: number;
  title: string;
  organization_id: number | null;
  city_id: number | null;
  started_on: DateString | null;
  ended_on: DateString | null;
  /** The position makes its holder the head of its city (or its organization's city). */
  heads_city: Generated<boolean>;
}

export type VisitKind = 'official' | 'working' | 'business' | 'other';
export type VisitStatus = 'planned' | 'done' | 'cancelled';

export interface VisitTable {
  id: Generated<number>;
  from_city_id: number;
  to_city_id: number;
  start_date: DateString;
  end_date: DateString;
  kind: VisitKind | null;
  status: Generated<VisitStatus>;
  head_person_id: number | null;
  head_position: string | null;
  purpose: string | null;
  outcomes: string | null;
  /** Local time at the destination city, 'HH:MM:SS'; null when only the dates are known. */
  start_time: string | null;
  end_time: string | null;
  search: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface VisitMemberTable {
  visit_id: number;
  person_id: number;
  role: string | null;
}

export type EventKind =
  | 'city_day'
  | 'anniversary'
  | 'festival'
  | 'forum'
  | 'concert'
  | 'exhibition'
  | 'competition'
  | 'conference'
  | 'other';

export interface EventTable {
  id: Generated<number>;
  name: string;
  kind: Generated<EventKind>;
  city_id: number;
  start_date: DateString | null;
  end_date: DateString | null;
  visit_id: number | null;
  description: string | null;
  /** Local time in the event's city, 'HH:MM:SS'; null when only the dates are known. */
  start_time: string | null;
  end_time: string | null;
  search: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EventParticipantTable {
  id: Generated<number>;
  event_id: number;
  city_id: number | null;
  organization_id: number | null;
  person_id: number | null;
  role: string | null;
}

export type AgreementKind = 'twinning' | 'cooperation' | 'memorandum' | 'plan' | 'protocol' | 'other';
export type AgreementStatus = 'draft' | 'in_force' | 'expired' | 'terminated';

export interface AgreementTable {
  id: Generated<number>;
  kind: AgreementKind;
  title: string;
  status: Generated<AgreementStatus>;
  signed_on: DateString | null;
  signed_at_visit_id: number | null;
  valid_from: DateString | null;
  valid_until: DateString | null;
  auto_renew: Generated<boolean>;
  document_id: number | null;
  notes: string | null;
  /** The stage entered last on the agreement's legal path (migration 0023); null: none recorded. */
  stage: AgreementStage | null;
  search: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The stages of an agreement's legal path, in order (migration 0023). */
export type AgreementStage =
  'draft' | 'in_approval' | 'signed' | 'submitted' | 'registered' | 'in_force' | 'ended';
export type AgreementEndReason = 'expired' | 'terminated' | 'replaced';

/** One stage an agreement entered, dated, with what that stage needs (migration 0023). */
export interface AgreementStageTable {
  id: Generated<number>;
  agreement_id: number;
  stage: AgreementStage;
  entered_on: DateString;
  approver: string | null;
  registration_number: string | null;
  registration_body: string | null;
  end_reason: AgreementEndReason | null;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** The installation's legal deadlines (one row, migration 0023). */
export interface LegalSettingsTable {
  single: Generated<boolean>;
  registration_working_days: Generated<number>;
  annual_list_due: Generated<string>;
  version: Generated<number>;
}

/** A party to an agreement or a project: exactly one of city_id and organization_id. */
export interface PartyColumns {
  id: Generated<number>;
  city_id: number | null;
  organization_id: number | null;
}
export interface AgreementPartyTable extends PartyColumns {
  agreement_id: number;
}
export interface ProjectPartyTable extends PartyColumns {
  project_id: number;
}

export type ProjectStatus = 'planned' | 'active' | 'completed' | 'stopped';

export interface ProjectTable {
  id: Generated<number>;
  title: string;
  sphere: Generated<Sphere>;
  status: Generated<ProjectStatus>;
  started_on: DateString | null;
  ended_on: DateString | null;
  description: string | null;
  search: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type PlanItemStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface PlanItemTable {
  id: Generated<number>;
  agreement_id: number;
  title: string;
  responsible_organization_id: number | null;
  responsible_person_id: number | null;
  responsible_text: string | null;
  due_on: DateString | null;
  status: Generated<PlanItemStatus>;
  done_on: DateString | null;
  report: string | null;
  /** The user the item is assigned to, told by mail (migration 0024). */
  assignee_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type DocumentKind = 'press_release' | 'greeting' | 'letter' | 'scan' | 'report' | 'other';

export interface DocumentTable {
  id: Generated<number>;
  kind: Generated<DocumentKind>;
  title: string;
  language: Generated<string>;
  body: Generated<string>;
  content_hash: string;
  published_on: DateString | null;
  source_url: string | null;
  file_name: string | null;
  extraction: ColumnType<unknown, string | null | undefined, string | null>;
  /** The cities and organizations its accepted imports linked it to, kept by triggers (migration 0014). */
  scope_city_ids: Computed<number[]>;
  scope_organization_ids: Computed<number[]>;
  search: Computed<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type RecordType =
  'city' | 'twinning' | 'organization' | 'person' | 'visit' | 'agreement' | 'plan_item' | 'project' | 'event';

export interface RecordSourceTable {
  id: Generated<number>;
  document_id: number;
  record_type: RecordType;
  record_id: number;
  span_start: number | null;
  span_end: number | null;
  fact: ColumnType<unknown, string | null | undefined, string | null>;
}

export type Role = 'admin' | 'city_editor' | 'city_viewer' | 'org_editor';

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: Generated<'ru' | 'be' | 'en'>;
  disabled: Generated<boolean>;
  calendar_secret: string | null;
  /** The password was chosen by someone else and its owner has not changed it yet (migration 0018). */
  password_change_required: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  city_id: number | null;
  organization_id: number | null;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  /** Opened with a password someone else chose: only that password may be changed (migration 0016). */
  password_change_required: Generated<boolean>;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
}

export interface HomeCityTable {
  city_id: number;
  published: Generated<boolean>;
}

export interface AuditEntryTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  action: 'create' | 'update' | 'delete';
  record_type: string;
  record_id: number;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
}

/** Every table of the database, as Kysely sees it. */
export type ProgramItemKind = 'meeting' | 'organization_visit' | 'event' | 'signing' | 'other';

export interface VisitProgramItemTable {
  id: Generated<number>;
  visit_id: number;
  kind: ProgramItemKind;
  title: string;
  day: DateString | null;
  organization_id: number | null;
  event_id: number | null;
  agreement_id: number | null;
  notes: string | null;
  /** The time of day it starts and ends, as PostgreSQL gives a time: «10:00:00». */
  start_time: string | null;
  end_time: string | null;
  position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A user's calendar feed: the SHA-256 of the secret in its URL. */
export interface CalendarFeedTable {
  user_id: number;
  secret_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  email_key: string;
  remote_address: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The scheduled backup and how its last run went (one row, migration 0021). */
export interface BackupScheduleTable {
  single: Generated<boolean>;
  enabled: Generated<boolean>;
  hour: Generated<number>;
  keep: Generated<number>;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_file: string | null;
  last_bytes: number | null;
  last_error: string | null;
  version: Generated<number>;
}

/** The SMTP server mail goes through (one row, migration 0024); no host: mail is not set up. */
export interface MailServerTable {
  single: Generated<boolean>;
  host: string | null;
  port: Generated<number>;
  security: Generated<'none' | 'starttls' | 'tls'>;
  username: string | null;
  password: string | null;
  sender: string | null;
  site_url: string | null;
  digest_hour: Generated<number>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type DigestFrequency = 'daily' | 'weekly';

/** A user's digest choice (migration 0024). */
export interface UserMailTable {
  user_id: number;
  digest: Generated<'none' | DigestFrequency>;
  updated_at: Timestamp;
}

/** One period's digest for a user, claimed before it is sent (migration 0024). */
export interface MailDigestTable {
  user_id: number;
  frequency: DigestFrequency;
  period_start: DateString;
  status: 'sending' | 'sent' | 'empty' | 'failed';
  items: Generated<number>;
  attempted_at: Timestamp;
  sent_at: Date | null;
  error: string | null;
}

/** The kinds of record a file can be attached to (migration 0019). */
export type FileRecordType = 'organization' | 'person' | 'visit' | 'agreement' | 'project' | 'event';

/** A file attached to a record, its bytes in the database (migration 0019 says why). */
export interface AttachedFileTable {
  id: Generated<number>;
  record_type: FileRecordType;
  record_id: number;
  slot: 'signed_scan' | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  text: string | null;
  search: Computed<string>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface Database {
  attached_file: AttachedFileTable;
  city: CityTable;
  gazetteer_state: GazetteerStateTable;
  twinning: TwinningTable;
  organization: OrganizationTable;
  person: PersonTable;
  position: PositionTable;
  visit: VisitTable;
  visit_member: VisitMemberTable;
  event: EventTable;
  event_participant: EventParticipantTable;
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  agreement_stage: AgreementStageTable;
  legal_settings: LegalSettingsTable;
  project: ProjectTable;
  project_party: ProjectPartyTable;
  plan_item: PlanItemTable;
  document: DocumentTable;
  record_source: RecordSourceTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  home_city: HomeCityTable;
  audit_entry: AuditEntryTable;
  login_failure: LoginFailureTable;
  visit_program_item: VisitProgramItemTable;
  calendar_feed: CalendarFeedTable;
  backup_schedule: BackupScheduleTable;
  mail_server: MailServerTable;
  user_mail: UserMailTable;
  mail_digest: MailDigestTable;
}

export type CityRow = Selectable<CityTable>;
export type NewCity = Insertable<CityTable>;
export type CityUpdate = Updateable<CityTable>;
export type TwinningRow = Selectable<TwinningTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type PersonRow = Selectable<PersonTable>;
export type VisitRow = Selectable<VisitTable>;
export type AgreementRow = Selectable<AgreementTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type EventRow = Selectable<EventTable>;
export type PlanItemRow = Selectable<PlanItemTable>;
export type DocumentRow = Selectable<DocumentTable>;
