-- SalesMetric | where metric == "revenue" | select user.fullName, periodStart, value | sort value desc
SELECT j1."full_name" AS "fullName",
       t."period_start" AS "periodStart",
       t."value"
FROM "sales_metrics" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."user_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."metric" = $2::text
ORDER BY "value" DESC NULLS LAST;
-- $1 = tenant
-- $2 = 'revenue'::text
-- columns: fullName, periodStart, value
