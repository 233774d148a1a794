-- Order | aggregate n: count(), s: sum(total) | where n > 0 | select avg: s / n
SELECT s1."s" / s1."n" AS "avg"
FROM (
  SELECT count(*) AS "n",
         sum(t."total") AS "s"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."n" > $2::integer;
-- $1 = tenant
-- $2 = '0'::integer
-- columns: avg
