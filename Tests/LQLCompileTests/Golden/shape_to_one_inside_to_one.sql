-- Invoice | select number, order { number, customer { name } }
SELECT t."number",
       CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($2::text, j1."number", $3::text, CASE WHEN j2."id" IS NULL THEN NULL ELSE json_build_object($4::text, j2."name") END) END AS "order"
FROM "invoices" AS t
LEFT JOIN "orders" AS j1 ON j1."id" = t."order_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = j1."customer_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'number'::text
-- $3 = 'customer'::text
-- $4 = 'name'::text
-- columns: number, order
