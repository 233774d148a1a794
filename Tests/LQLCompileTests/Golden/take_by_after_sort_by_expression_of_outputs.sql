-- OrderLine | group by k: orderId aggregate a: avg(discount) | sort a * 2 desc | take 1 by k
SELECT s2."k",
       s2."a"
FROM (
  SELECT s1."k",
         s1."a",
         row_number() OVER (PARTITION BY s1."k" ORDER BY s1."a" * $2::integer DESC NULLS LAST, s1."k" NULLS LAST, s1."a" NULLS LAST) AS "__rn1"
  FROM (
    SELECT t."order_id" AS "k",
           avg(t."discount") AS "a"
    FROM "order_lines" AS t
    WHERE t."tenant_id" = $1
    GROUP BY 1
  ) AS s1
) AS s2
WHERE s2."__rn1" <= $3::bigint
ORDER BY s2."a" * $2::integer DESC NULLS LAST, s2."k" NULLS LAST, s2."a" NULLS LAST;
-- $1 = tenant
-- $2 = '2'::integer
-- $3 = '1'::bigint
-- columns: k, a
