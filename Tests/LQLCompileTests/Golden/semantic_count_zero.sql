-- Customer | where count(orders) == 0 | count
SELECT count(*) AS "count"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") = $2::integer;
-- $1 = tenant
-- $2 = '0'::integer
-- columns: count

-- Customer | where not any(orders) | count
SELECT count(*) AS "count"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND NOT EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id");
-- $1 = tenant
-- columns: count

-- Customer | where all(orders where status == FULFILLED) | count
SELECT count(*) AS "count"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND NOT EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND (c1."status" = $2::"OrderStatus") IS NOT TRUE);
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- columns: count

-- Customer | select n: count(orders) | where n == 0 | count
SELECT count(*) AS "count"
FROM (
  SELECT (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "n"
  FROM "customers" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."n" = $2::integer;
-- $1 = tenant
-- $2 = '0'::integer
-- columns: count
