-- Order | count | sort count * 2 | derive d: sum(count) over (), e: count + 1 | select c: d, e
SELECT s3."d" AS "c",
       s3."e"
FROM (
  SELECT s2."count",
         sum(s2."count") OVER () AS "d",
         s2."count" + $2::integer AS "e"
  FROM (
    SELECT s1."count"
    FROM (
      SELECT count(*) AS "count"
      FROM "orders" AS t
      WHERE t."tenant_id" = $1
    ) AS s1
  ) AS s2
) AS s3;
-- $1 = tenant
-- $2 = '1'::integer
-- columns: c, e
