-- Order | count | sort count * 2 | derive d: sum(count) over (), e: count + 1 | select c: d, e
SELECT s2."d" AS "c",
       s2."e"
FROM (
  SELECT s1."count",
         sum(s1."count") OVER () AS "d",
         s1."count" + $2::integer AS "e"
  FROM (
    SELECT count(*) AS "count"
    FROM "orders" AS t
    WHERE t."tenant_id" = $1
  ) AS s1
) AS s2;
-- $1 = tenant
-- $2 = '1'::integer
-- columns: c, e
