-- Leora example: row-level security on every tenant-scoped table (all but "tenants").
--
-- ENABLE turns the policies on; FORCE makes them apply to the table owner too (without it the
-- owner, and so anything running as the migration role, silently sees every tenant). Superusers
-- and BYPASSRLS roles still bypass RLS: lql_reader is neither (roles.sql).
--
-- The policy differs from the contract's plain `tenant_id = current_setting(...)` on purpose:
-- current_setting('app.current_tenant_id', true) is NULL in a fresh session but '' in a session
-- where an earlier transaction set it with set_config(..., true). NULLIF turns that '' back into
-- NULL, so "no tenant set" always matches no row (and CHECK (tenant_id <> '') in the migration
-- means no row could match '' anyway). With no WITH CHECK clause, the USING expression also
-- guards INSERT/UPDATE for roles that may write.

ALTER TABLE "tenant_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "tenant_settings"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "users"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "roles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "roles" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "roles"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "permissions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "permissions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "permissions"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "portal_users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portal_users" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "portal_users"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "portal_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portal_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "portal_sessions"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "customers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "customers"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "suppliers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "suppliers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "suppliers"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "products" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "products"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "skus" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "skus" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "skus"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "inventory" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "inventory" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "inventory"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "price_list_entries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "price_list_entries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "price_list_entries"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "orders" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "orders"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "order_lines" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "order_lines" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "order_lines"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoices" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "invoices"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "payments"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "activities" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "activities"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "call_plans" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "call_plans" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "call_plans"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "tasks"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "account_health_snapshots" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account_health_snapshots" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "account_health_snapshots"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "sales_metrics" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sales_metrics" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "sales_metrics"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "webhook_subscriptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_subscriptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "webhook_subscriptions"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "webhook_events"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "webhook_deliveries"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));

ALTER TABLE "integration_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "integration_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "integration_tokens"
    USING ("tenant_id" = NULLIF(current_setting('app.current_tenant_id', true), ''));
