-- Customer | select label: name + " (" + string(tier) + ")", s: string(createdAt), st: string(status)
SELECT t."name" || $2::text || t."tier"::text || $3::text AS "label",
       t."created_at"::text AS "s",
       t."status"::text AS "st"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = ' ('::text
-- $3 = ')'::text
-- columns: label, s, st
