-- Order | select rep: salesRep.fullName, custRep: customer.salesRep.fullName, portal: portalUser.fullName
SELECT j1."full_name" AS "rep",
       j3."full_name" AS "custRep",
       j4."full_name" AS "portal"
FROM "orders" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."sales_rep_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = t."customer_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "users" AS j3 ON j3."id" = j2."sales_rep_id" AND j3."tenant_id" = j2."tenant_id" AND j3."tenant_id" = $1
LEFT JOIN "portal_users" AS j4 ON j4."id" = t."portal_user_id" AND j4."tenant_id" = t."tenant_id" AND j4."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: rep, custRep, portal
