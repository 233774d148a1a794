-- Customer | select name, hasOrders: any(orders), allFulfilled: all(orders where status == FULFILLED), risky: any(healthSnapshots where riskLevel == HIGH and capturedAt > now() - 30 days)
SELECT t."name",
       EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "hasOrders",
       NOT EXISTS (SELECT 1 FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id" AND (c2."status" = $2::"OrderStatus") IS NOT TRUE) AS "allFulfilled",
       EXISTS (SELECT 1 FROM "account_health_snapshots" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id" AND c3."risk_level" = $3::"RiskLevel" AND c3."captured_at" > now() - $4::interval) AS "risky"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- $3 = 'HIGH'::"RiskLevel"
-- $4 = '30 days'::interval
-- columns: name, hasOrders, allFulfilled, risky
