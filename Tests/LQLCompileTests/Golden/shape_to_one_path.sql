-- Order | select number, rep: customer.salesRep { fullName, email }
SELECT t."number",
       CASE WHEN j2."id" IS NULL THEN NULL ELSE json_build_object($2::text, j2."full_name", $3::text, j2."email") END AS "rep"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = j1."sales_rep_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'fullName'::text
-- $3 = 'email'::text
-- columns: number, rep
