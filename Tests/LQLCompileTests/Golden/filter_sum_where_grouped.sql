-- Order | group by rep: salesRep.fullName ?? "Unassigned"
SELECT COALESCE(j1."full_name", $2::text) AS "rep",
       count(*) AS "orders",
       count(*) FILTER (WHERE t."status" = $3::"OrderStatus") AS "cancelled",
       sum(t."total") FILTER (WHERE t."order_date" >= $4::timestamptz) AS "h2"
FROM "orders" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."sales_rep_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- $2 = 'Unassigned'::text
-- $3 = 'CANCELLED'::"OrderStatus"
-- $4 = '2025-07-01'::timestamptz
-- columns: rep, orders, cancelled, h2
