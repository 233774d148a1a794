-- Order | select number, customer { name, orderCount: count(orders), lastOrder: max(orders.orderDate) }
SELECT t."number",
       CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($2::text, j1."name", $3::text, (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = j1."id"), $4::text, (SELECT max(c2."order_date") FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = j1."id")) END AS "customer"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'name'::text
-- $3 = 'orderCount'::text
-- $4 = 'lastOrder'::text
-- columns: number, customer
