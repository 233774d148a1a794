-- Product | where name ~ "50%_off\\ \"x\"" | select name
SELECT t."name"
FROM "products" AS t
WHERE t."tenant_id" = $1
  AND t."name" ILIKE ('%' || $2::text || '%');
-- $1 = tenant
-- $2 = '50\%\_off\\ "x"'::text
-- columns: name
