-- big | select number, total
SELECT t."number",
       t."total"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus"
  AND t."total" > $3::integer;
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- $3 = '1000'::integer
-- columns: number, total

-- open | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus";
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- columns: count
