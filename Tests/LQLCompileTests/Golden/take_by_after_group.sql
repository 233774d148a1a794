-- OrderLine
SELECT s2."category",
       s2."name",
       s2."revenue"
FROM (
  SELECT s1."category",
         s1."name",
         s1."revenue",
         row_number() OVER (PARTITION BY s1."category" ORDER BY s1."revenue" DESC NULLS LAST, s1."category" NULLS LAST, s1."name" NULLS LAST) AS "__rn1"
  FROM (
    SELECT j2."category",
           j2."name",
           sum(t."quantity" * t."unit_price" - t."discount") AS "revenue"
    FROM "order_lines" AS t
    LEFT JOIN "orders" AS j1 ON j1."id" = t."order_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
    LEFT JOIN "products" AS j2 ON j2."id" = t."product_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
    WHERE t."tenant_id" = $1
      AND j1."status" = ANY($2::"OrderStatus"[]) AND j1."order_date" >= $3::timestamptz AND j1."order_date" < $4::timestamptz
    GROUP BY 1, 2
  ) AS s1
) AS s2
WHERE s2."__rn1" <= $5::bigint
ORDER BY s2."revenue" DESC NULLS LAST, s2."category" NULLS LAST, s2."name" NULLS LAST;
-- $1 = tenant
-- $2 = '{"CONFIRMED","FULFILLED"}'::"OrderStatus"[]
-- $3 = '2025-01-01'::timestamptz
-- $4 = '2026-01-01'::timestamptz
-- $5 = '3'::bigint
-- columns: category, name, revenue
