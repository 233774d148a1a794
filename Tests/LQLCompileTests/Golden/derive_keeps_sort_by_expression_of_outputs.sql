-- Order | select a: total, b: id | sort a * 2 desc | derive c: a + 1, r: row_number() over (sort b) | take 5
SELECT s1."a",
       s1."b",
       s1."a" + $3::integer AS "c",
       row_number() OVER (ORDER BY s1."b" NULLS LAST) AS "r"
FROM (
  SELECT t."total" AS "a",
         t."id" AS "b"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
ORDER BY s1."a" * $2::integer DESC NULLS LAST
LIMIT $4::bigint;
-- $1 = tenant
-- $2 = '2'::integer
-- $3 = '1'::integer
-- $4 = '5'::bigint
-- columns: a, b, c, r
