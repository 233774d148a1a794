-- Order | select customer.name, salesRep.fullName, portalUser.fullName, number, n: number
SELECT j1."name",
       j2."full_name" AS "salesRep.fullName",
       j3."full_name" AS "portalUser.fullName",
       t."number",
       t."number" AS "n"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = t."sales_rep_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "portal_users" AS j3 ON j3."id" = t."portal_user_id" AND j3."tenant_id" = t."tenant_id" AND j3."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: name, salesRep.fullName, portalUser.fullName, number, n
