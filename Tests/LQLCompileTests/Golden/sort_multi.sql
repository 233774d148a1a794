-- Customer | sort tier desc, name | take 10
SELECT t."id",
       t."account_number" AS "accountNumber",
       t."name",
       t."email",
       t."phone",
       t."city",
       t."state",
       t."tier",
       t."status",
       t."sales_rep_id" AS "salesRepId",
       t."created_at" AS "createdAt"
FROM "customers" AS t
WHERE t."tenant_id" = $1
ORDER BY t."tier" DESC NULLS LAST, t."name" NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- columns: id, accountNumber, name, email, phone, city, state, tier, status, salesRepId, createdAt
