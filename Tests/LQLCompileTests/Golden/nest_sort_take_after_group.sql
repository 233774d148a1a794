-- OrderLine | group by product.name aggregate units: sum(quantity) | sort units desc | take 5
SELECT j1."name",
       sum(t."quantity") AS "units"
FROM "order_lines" AS t
LEFT JOIN "products" AS j1 ON j1."id" = t."product_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
GROUP BY 1
ORDER BY "units" DESC NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '5'::bigint
-- columns: name, units
