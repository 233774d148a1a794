-- Customer | select name, contact: coalesce(email, phone, "none")
SELECT t."name",
       COALESCE(t."email", t."phone", $2::text) AS "contact"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'none'::text
-- columns: name, contact
