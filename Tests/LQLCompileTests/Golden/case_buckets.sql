-- Customer | derive spent: sum(orders.total) ?? 0
SELECT CASE WHEN t2."spent" >= $3::integer THEN $4::text WHEN t2."spent" >= $5::integer THEN $6::text ELSE $7::text END AS "band",
       count(*) AS "customers",
       max(t2."spent") AS "most"
FROM (
  SELECT t.*, COALESCE((SELECT sum(c1."total") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id"), $2::integer) AS "spent"
  FROM "customers" AS t
  WHERE t."tenant_id" = $1
) AS t2
GROUP BY 1;
-- $1 = tenant
-- $2 = '0'::integer
-- $3 = '5000'::integer
-- $4 = '5k+'::text
-- $5 = '1000'::integer
-- $6 = '1k-5k'::text
-- $7 = '<1k'::text
-- columns: band, customers, most
