-- TenantSettings
SELECT t."id",
       t."default_currency" AS "defaultCurrency",
       t."timezone",
       t."fiscal_year_start_month" AS "fiscalYearStartMonth",
       t."portal_enabled" AS "portalEnabled"
FROM "tenant_settings" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: id, defaultCurrency, timezone, fiscalYearStartMonth, portalEnabled
