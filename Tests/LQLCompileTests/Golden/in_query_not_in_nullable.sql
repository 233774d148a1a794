-- User | where id not in (Customer | select salesRepId) | select fullName
SELECT t."full_name" AS "fullName"
FROM "users" AS t
WHERE t."tenant_id" = $1
  AND t."id" NOT IN (SELECT s1."salesRepId" FROM ( SELECT t2."sales_rep_id" AS "salesRepId" FROM "customers" AS t2 WHERE t2."tenant_id" = $1 ) AS s1 WHERE s1."salesRepId" IS NOT NULL);
-- $1 = tenant
-- columns: fullName
