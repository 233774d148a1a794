-- Order | select number, customer { name, email, tier }
SELECT t."number",
       CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($2::text, j1."name", $3::text, j1."email", $4::text, j1."tier") END AS "customer"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'name'::text
-- $3 = 'email'::text
-- $4 = 'tier'::text
-- columns: number, customer
