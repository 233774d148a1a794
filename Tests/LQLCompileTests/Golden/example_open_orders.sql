-- Order
SELECT t."number",
       j1."name",
       t."total",
       t."order_date" AS "orderDate"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus" AND t."order_date" >= $3::timestamptz
ORDER BY "orderDate" DESC NULLS LAST
LIMIT $4::bigint;
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- $3 = '2025-01-01'::timestamptz
-- $4 = '20'::bigint
-- columns: number, name, total, orderDate
