-- Order | aggregate m: median(total), p90: percentile(total, 0.9), sd: stddev(total)
SELECT (percentile_cont($2::double precision) WITHIN GROUP (ORDER BY t."total"))::numeric AS "m",
       (percentile_cont($3::double precision) WITHIN GROUP (ORDER BY t."total"))::numeric AS "p90",
       stddev_samp(t."total") AS "sd"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '0.5'::double precision
-- $3 = '0.9'::double precision
-- columns: m, p90, sd
