-- Customer | select label: name + " (" + (city ?? "?") + ")"
SELECT t."name" || $2::text || COALESCE(t."city", $3::text) || $4::text AS "label"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = ' ('::text
-- $3 = '?'::text
-- $4 = ')'::text
-- columns: label
