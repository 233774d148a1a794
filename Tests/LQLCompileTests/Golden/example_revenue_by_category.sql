-- OrderLine
SELECT j2."category",
       date_trunc($5::text, j1."order_date") AS "month",
       sum(t."quantity" * t."unit_price" - t."discount") AS "revenue",
       count(DISTINCT t."order_id") AS "orders"
FROM "order_lines" AS t
LEFT JOIN "orders" AS j1 ON j1."id" = t."order_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "products" AS j2 ON j2."id" = t."product_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND j1."status" = ANY($2::"OrderStatus"[]) AND j1."order_date" >= $3::timestamptz AND j1."order_date" < $4::timestamptz
GROUP BY 1, 2
ORDER BY "month" NULLS LAST, "revenue" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '{"CONFIRMED","FULFILLED"}'::"OrderStatus"[]
-- $3 = '2025-01-01'::timestamptz
-- $4 = '2026-01-01'::timestamptz
-- $5 = 'month'::text
-- columns: category, month, revenue, orders
