-- Order | group by customerId aggregate n: count() | sort n desc, customerId | take 10 | skip 2
SELECT t."customer_id" AS "customerId",
       count(*) AS "n"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1
ORDER BY "n" DESC NULLS LAST, "customerId" NULLS LAST
LIMIT greatest($2::bigint - $3::bigint, 0)
OFFSET $3::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- $3 = '2'::bigint
-- columns: customerId, n
