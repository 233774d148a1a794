-- OrderLine | where order.status in [CONFIRMED, FULFILLED]
SELECT s1."category",
       s1."revenue",
       rank() OVER (ORDER BY s1."revenue" DESC NULLS LAST) AS "rank",
       round((s1."revenue" / sum(s1."revenue") OVER ())::numeric, $3::integer) AS "share"
FROM (
  SELECT j2."category",
         sum(t."quantity" * t."unit_price" - t."discount") AS "revenue"
  FROM "order_lines" AS t
  LEFT JOIN "orders" AS j1 ON j1."id" = t."order_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
  LEFT JOIN "products" AS j2 ON j2."id" = t."product_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
  WHERE t."tenant_id" = $1
    AND j1."status" = ANY($2::"OrderStatus"[])
  GROUP BY 1
) AS s1;
-- $1 = tenant
-- $2 = '{"CONFIRMED","FULFILLED"}'::"OrderStatus"[]
-- $3 = '4'::integer
-- columns: category, revenue, rank, share
