-- Order | aggregate q: percentile(total, $p)
SELECT (percentile_cont($2::numeric) WITHIN GROUP (ORDER BY t."total"))::numeric AS "q"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '0.75'::numeric
-- columns: q
