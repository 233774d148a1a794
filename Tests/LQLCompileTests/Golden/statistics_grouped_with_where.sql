-- Order | group by status aggregate m: median(total where total > 0), p: percentile(total, 0.25 where total > 0), sd: stddev(total where total > 0)
SELECT t."status",
       (percentile_cont($2::double precision) WITHIN GROUP (ORDER BY t."total") FILTER (WHERE t."total" > $3::integer))::numeric AS "m",
       (percentile_cont($4::double precision) WITHIN GROUP (ORDER BY t."total") FILTER (WHERE t."total" > $3::integer))::numeric AS "p",
       stddev_samp(t."total") FILTER (WHERE t."total" > $3::integer) AS "sd"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- $2 = '0.5'::double precision
-- $3 = '0'::integer
-- $4 = '0.25'::double precision
-- columns: status, m, p, sd
