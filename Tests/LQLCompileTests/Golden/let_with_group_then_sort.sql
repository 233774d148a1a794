-- byStatus | sort n desc
SELECT t."status",
       count(*) AS "n"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1
ORDER BY "n" DESC NULLS LAST;
-- $1 = tenant
-- columns: status, n

-- byStatus | where n > 1 | count
SELECT count(*) AS "count"
FROM (
  SELECT t."status",
         count(*) AS "n"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  GROUP BY 1
) AS s1
WHERE s1."n" > $2::integer;
-- $1 = tenant
-- $2 = '1'::integer
-- columns: count
