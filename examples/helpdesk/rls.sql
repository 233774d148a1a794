-- Helpdesk example: row-level security on every organization's table, keyed on the setting
-- lql.toml names (`app.current_organization_id`), enabled and forced like Leora's (see
-- examples/leora/rls.sql for why NULLIF). `organizations` has no RLS (the reader resolves a slug
-- to an id with it) and neither has the shared `countries`.
-- `messages` has no key of its own: its policy goes through its ticket, as lql.toml scopes it.
-- The implicit many-to-many tables have no key either: a link is visible only when both its ends
-- are the organization's.

ALTER TABLE "members" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "members" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "members"
    USING ("organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid);

ALTER TABLE "customers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "customers"
    USING ("organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid);

ALTER TABLE "tickets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tickets" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "tickets"
    USING ("organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid);

ALTER TABLE "labels" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "labels" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "labels"
    USING ("organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid);

ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "messages"
    USING (EXISTS (SELECT 1 FROM "tickets" AS t WHERE t."id" = "messages"."ticket_id"
                   AND t."organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid));

ALTER TABLE "_LabelToTicket" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "_LabelToTicket" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "_LabelToTicket"
    USING (EXISTS (SELECT 1 FROM "labels" AS l WHERE l."id" = "_LabelToTicket"."A")
           AND EXISTS (SELECT 1 FROM "tickets" AS t WHERE t."id" = "_LabelToTicket"."B"));

ALTER TABLE "_Watchers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "_Watchers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "_Watchers"
    USING (EXISTS (SELECT 1 FROM "members" AS m WHERE m."id" = "_Watchers"."A")
           AND EXISTS (SELECT 1 FROM "tickets" AS t WHERE t."id" = "_Watchers"."B"));
