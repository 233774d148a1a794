-- Customer | select name, spent: sum(orders.total) ?? 0
SELECT t."name",
       COALESCE((SELECT sum(c1."total") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id"), $2::integer) AS "spent"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '0'::integer
-- columns: name, spent
