-- Customer | where starts_with(accountNumber, "WC-") and not ends_with(name, "Inc") | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND starts_with(t."account_number", $2::text) AND NOT right(t."name", length($3::text)) = $3::text;
-- $1 = tenant
-- $2 = 'WC-'::text
-- $3 = 'Inc'::text
-- columns: name
