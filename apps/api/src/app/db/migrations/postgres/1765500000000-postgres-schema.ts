import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema on PostgreSQL, as SQLite reaches it after its own migrations up to 1765411200000; instants are
 * timestamptz. A later change of schema adds a migration to each set, and migrations.spec compares what they reach.
 */
const SCHEMA = [
  `CREATE TABLE "site" ("id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_site_code" ON "site" ("code")`,
  `CREATE TABLE "user_account" ("id" SERIAL NOT NULL, "username" character varying(64) NOT NULL, "displayName" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "passwordHash" character varying(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "siteId" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_user_username" ON "user_account" ("username")`,
  `CREATE TABLE "auth_token" ("id" SERIAL NOT NULL, "tokenHash" character varying(64) NOT NULL, "userId" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4572ff5d1264c4a523f01aa86a0" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_token_hash" ON "auth_token" ("tokenHash")`,
  `CREATE INDEX "idx_token_user" ON "auth_token" ("userId")`,
  `CREATE TABLE "payment_service" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "appliesAtSpot" boolean NOT NULL, "requiresPreRegistration" boolean NOT NULL, "requiredItems" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_881fc70aa67c26e1007836b069c" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_payment_service_name" ON "payment_service" ("name")`,
  `CREATE TABLE "support_case" ("id" SERIAL NOT NULL, "siteId" integer NOT NULL, "staffId" integer, "channel" character varying(16) NOT NULL, "procedure" character varying(16) NOT NULL, "ageBand" character varying(16), "representative" character varying(32) NOT NULL, "paymentServiceId" integer, "status" character varying(16) NOT NULL, "arrivedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE, "endedAt" TIMESTAMP WITH TIME ZONE, "completedReservation" boolean NOT NULL DEFAULT false, "completedApplication" boolean NOT NULL DEFAULT false, "alreadyReserved" boolean NOT NULL DEFAULT false, "reason" character varying(32), "note" text, "certRenewedAt" TIMESTAMP WITH TIME ZONE, "followUpCode" character varying(8), "previousCaseId" integer, "ticketDay" character varying(10), "ticketNumber" integer, "ticket" character varying(8), "counter" integer, "version" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb49f208672f180300c95fed180" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_case_arrived" ON "support_case" ("arrivedAt")`,
  `CREATE UNIQUE INDEX "uq_case_follow_up_code" ON "support_case" ("followUpCode")`,
  `CREATE INDEX "idx_case_previous" ON "support_case" ("previousCaseId")`,
  `CREATE UNIQUE INDEX "uq_case_ticket" ON "support_case" ("siteId", "ticketDay", "ticketNumber")`,
  `CREATE INDEX "idx_case_staff_arrived" ON "support_case" ("staffId", "arrivedAt")`,
  `CREATE INDEX "idx_case_procedure_arrived" ON "support_case" ("procedure", "arrivedAt")`,
  `CREATE INDEX "idx_case_reason_arrived" ON "support_case" ("reason", "arrivedAt")`,
  `CREATE INDEX "idx_case_status_arrived" ON "support_case" ("status", "arrivedAt")`,
  `CREATE TABLE "outage" ("id" SERIAL NOT NULL, "system" character varying(32) NOT NULL, "paymentServiceId" integer, "kind" character varying(16) NOT NULL, "startsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP WITH TIME ZONE, "affectsReservation" boolean NOT NULL, "affectsApplication" boolean NOT NULL, "note" text, "version" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b537b6fa0093fba4fb32df2542" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_outage_starts" ON "outage" ("startsAt")`,
  `CREATE INDEX "idx_outage_ends" ON "outage" ("endsAt")`,
  `CREATE TABLE "audit_log" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actorId" integer, "actorUsername" character varying(64) NOT NULL, "action" character varying(32) NOT NULL, "entityType" character varying(32) NOT NULL, "entityId" integer NOT NULL, "before" text, "after" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_audit_at" ON "audit_log" ("at")`,
  `CREATE INDEX "idx_audit_actor_at" ON "audit_log" ("actorUsername", "at")`,
  `CREATE INDEX "idx_audit_entity" ON "audit_log" ("entityType", "entityId")`,
  `CREATE TABLE "health_probe" ("id" integer NOT NULL, "checkedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_57d2c27db96037ecad73198654f" PRIMARY KEY ("id"))`,
  `ALTER TABLE "user_account" ADD CONSTRAINT "fk_user_site" FOREIGN KEY ("siteId") REFERENCES "site"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "auth_token" ADD CONSTRAINT "fk_token_user" FOREIGN KEY ("userId") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "support_case" ADD CONSTRAINT "fk_case_site" FOREIGN KEY ("siteId") REFERENCES "site"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "support_case" ADD CONSTRAINT "fk_case_staff" FOREIGN KEY ("staffId") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "support_case" ADD CONSTRAINT "fk_case_payment_service" FOREIGN KEY ("paymentServiceId") REFERENCES "payment_service"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "support_case" ADD CONSTRAINT "fk_case_previous" FOREIGN KEY ("previousCaseId") REFERENCES "support_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "outage" ADD CONSTRAINT "fk_outage_payment_service" FOREIGN KEY ("paymentServiceId") REFERENCES "payment_service"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
  `ALTER TABLE "audit_log" ADD CONSTRAINT "fk_audit_actor" FOREIGN KEY ("actorId") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
];

const TABLES = [
  'audit_log',
  'health_probe',
  'outage',
  'support_case',
  'payment_service',
  'auth_token',
  'user_account',
  'site',
];

export class PostgresSchema1765500000000 implements MigrationInterface {
  name = 'PostgresSchema1765500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of SCHEMA) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TABLE "${table}" CASCADE`);
  }
}
