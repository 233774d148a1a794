-- Order | where status != CANCELLED
SELECT t."number",
       ntile($3::integer) OVER (ORDER BY t."total" NULLS LAST) AS "q",
       percent_rank() OVER (ORDER BY t."total" NULLS LAST) AS "pr",
       dense_rank() OVER (PARTITION BY t."status" ORDER BY t."total" DESC NULLS LAST) AS "dr",
       row_number() OVER (ORDER BY t."order_date" NULLS LAST, t."number" NULLS LAST) AS "n"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" <> $2::"OrderStatus";
-- $1 = tenant
-- $2 = 'CANCELLED'::"OrderStatus"
-- $3 = '4'::integer
-- columns: number, q, pr, dr, n
