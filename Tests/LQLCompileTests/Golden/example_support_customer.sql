-- Customer
SELECT t."name",
       t."tier",
       (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "orders",
       (SELECT count(*) FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id" AND c2."status" = $4::"OrderStatus") AS "open",
       (SELECT max(c3."order_date") FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id") AS "lastOrder",
       EXISTS (SELECT 1 FROM "account_health_snapshots" AS c4 WHERE c4."tenant_id" = $1 AND c4."customer_id" = t."id" AND c4."risk_level" = $5::"RiskLevel") AS "atRisk"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND (t."name" ILIKE ('%' || $2::text || '%') OR t."account_number" = $3::text);
-- $1 = tenant
-- $2 = 'bistro'::text
-- $3 = 'WC-00042'::text
-- $4 = 'PENDING'::"OrderStatus"
-- $5 = 'HIGH'::"RiskLevel"
-- columns: name, tier, orders, open, lastOrder, atRisk
