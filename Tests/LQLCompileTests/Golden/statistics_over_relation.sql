-- Customer | select name, m: median(orders.total where status == FULFILLED), p: percentile(orders.total, 0.9), sd: stddev(orders.total)
SELECT t."name",
       (SELECT (percentile_cont($2::double precision) WITHIN GROUP (ORDER BY c1."total"))::numeric FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND c1."status" = $3::"OrderStatus") AS "m",
       (SELECT (percentile_cont($4::double precision) WITHIN GROUP (ORDER BY c2."total"))::numeric FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id") AS "p",
       (SELECT stddev_samp(c3."total") FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id") AS "sd"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '0.5'::double precision
-- $3 = 'FULFILLED'::"OrderStatus"
-- $4 = '0.9'::double precision
-- columns: name, m, p, sd
